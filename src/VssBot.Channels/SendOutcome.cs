namespace VssBot.Channels;

/// <summary>What became of one attempt to send an outbox message.</summary>
public abstract record SendOutcome
{
    /// <summary>The channel accepted it.</summary>
    public static readonly SendOutcome Sent = new SentOutcome();

    /// <summary>The person cannot be reached now (outside the channel's window): it waits,
    /// marked, until they write again.</summary>
    public static readonly SendOutcome Held = new HeldOutcome();

    /// <summary>The channel asked everyone to slow down (429, Zalo's -32): all sending pauses.</summary>
    public static SendOutcome Pause(TimeSpan wait) => new PauseOutcome(wait);

    /// <summary>A passing failure (network, 5xx): tried again later, up to a few times.</summary>
    public static SendOutcome Retry(string reason) => new RetryOutcome(reason);

    /// <summary>Refused for good (chat gone, bot blocked): leaves the outbox, marked failed.</summary>
    public static SendOutcome Failed(string reason) => new FailedOutcome(reason);

    public sealed record SentOutcome : SendOutcome;

    public sealed record HeldOutcome : SendOutcome;

    public sealed record PauseOutcome(TimeSpan Wait) : SendOutcome;

    public sealed record RetryOutcome(string Reason) : SendOutcome;

    public sealed record FailedOutcome(string Reason) : SendOutcome;
}
