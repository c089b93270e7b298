namespace VssBot.Core.Engine;

/// <summary>What a person sent, whatever the channel: text, a shared phone contact, a
/// photo already checked and re-encoded, or a file that was refused with a reason.</summary>
public sealed record Input(InputKind Kind, string Text, byte[]? Photo = null, bool Verified = false)
{
    /// <summary>Where it came from, for limits (a client address on the web); never stored.</summary>
    public string? Origin { get; init; }

    /// <summary>What the photo check found (blurry, dark, glare…), for a hint.</summary>
    public IReadOnlyList<string> PhotoFindings { get; init; } = [];

    public static Input OfContact(string phone, bool verified) => new(InputKind.Contact, phone, null, verified);

    public static Input Of(string text) => new(InputKind.Text, text);

    public static Input OfPhoto(byte[] jpeg) => new(InputKind.Photo, "", jpeg);

    public static Input Refused(string reason) => new(InputKind.RejectedFile, reason);
}
