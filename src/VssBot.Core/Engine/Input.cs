namespace VssBot.Core.Engine;

/// <summary>What a person sent, whatever the channel: text, or a photo already checked
/// and re-encoded, or a file that was refused with a reason.</summary>
public sealed record Input(InputKind Kind, string Text, byte[]? Photo = null)
{
    public static Input Of(string text) => new(InputKind.Text, text);

    public static Input OfPhoto(byte[] jpeg) => new(InputKind.Photo, "", jpeg);

    public static Input Refused(string reason) => new(InputKind.RejectedFile, reason);
}
