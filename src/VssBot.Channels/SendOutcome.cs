namespace VssBot.Channels;

/// <summary>What became of one attempt to send an outbox message.</summary>
public abstract record SendOutcome
{
    /// <summary>The channel accepted it.</summary>
    public static readonly SendOutcome Sent = new SentOutcome();

    /// <summary>The person cannot be reached now (outside the channel's window): it waits,
    /// marked, until they write again.</summary>
    public static readonly SendOutcome Held = new HeldOutcome();

    /// <summary>The channel asked everyone to slow down (Zalo's -32, a token to renew): all
    /// sending on the channel pauses.</summary>
    public static SendOutcome Pause(TimeSpan wait) => new PauseOutcome(wait, WholeChannel: true);

    /// <summary>The platform asked to wait before sending to this address again (Telegram's 429
    /// with retry_after, under a global rate the drain already keeps): only it pauses.</summary>
    public static SendOutcome PauseAddress(TimeSpan wait) => new PauseOutcome(wait, WholeChannel: false);

    /// <summary>A passing failure (network, 5xx): tried again later, up to a few times.</summary>
    public static SendOutcome Retry(string reason) => new RetryOutcome(reason);

    /// <summary>Refused for good (chat gone, bot blocked): leaves the outbox, marked failed.</summary>
    public static SendOutcome Failed(string reason) => new FailedOutcome(reason);

    public sealed record SentOutcome : SendOutcome;

    public sealed record HeldOutcome : SendOutcome;

    public sealed record PauseOutcome(TimeSpan Wait, bool WholeChannel) : SendOutcome;

    public sealed record RetryOutcome(string Reason) : SendOutcome;

    public sealed record FailedOutcome(string Reason) : SendOutcome;
}
