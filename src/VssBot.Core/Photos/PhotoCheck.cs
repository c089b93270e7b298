namespace VssBot.Core.Photos;

/// <summary>A photo accepted (re-encoded JPEG) or refused with a message for the person.</summary>
public sealed record PhotoCheck(byte[]? Jpeg, string? Refusal, bool TooLarge = false, bool Busy = false)
{
    public bool Accepted => Jpeg is not null;

    /// <summary>What may be wrong with an accepted photo (<see cref="PhotoQuality"/>): hints, not refusals.</summary>
    public IReadOnlyList<string> Findings { get; init; } = [];
}
