using Microsoft.Extensions.Logging;
using VssBot.Core.Conversations;
using VssBot.Core.Telemetry;

namespace VssBot.Channels;

/// <summary>
/// Drains one channel's outbox. Each address's messages go one after another, in order (a
/// held or failing message keeps the later ones of that address waiting); different
/// addresses are sent to concurrently, so one person's trouble never delays another's.
/// At most one message an address per interval and N a second overall. A passing failure
/// waits for its next attempt with exponential backoff and jitter, the time kept with the
/// message (a restart keeps it); the drain itself never waits for it. A refusal for good
/// fails at once. A pause the platform asks for applies to what it names: one address
/// (Telegram's 429), or the whole channel (Zalo's -32). A message is marked sent only after
/// the channel accepted it, so a crash re-sends, never loses.
/// Every instance sharing the store drains: an address is sent to by the instance that holds it
/// (<see cref="IOutboxCoordination"/>; taken over when a holder dies and its lease runs out), and
/// the rate a second is counted over all of them.
/// </summary>
public sealed class OutboxDrain(IOutboxSender sender, IChannelStore store, IOutboxCoordination coordination, TimeProvider clock, ILogger logger)
{
    /// <summary>Tries of one message before it is failed: with the backoff, about 17 minutes.</summary>
    public const int MaxAttempts = 10;

    /// <summary>Addresses sent to at once.</summary>
    private const int MaxInFlight = 8;

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _wake = new(0);
    private readonly object _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _lastByAddress = [];
    private readonly Dictionary<string, DateTimeOffset> _pausedAddresses = [];
    private readonly Dictionary<string, Task> _inFlight = [];
    private DateTimeOffset _channelPausedUntil;
    private long _sent;
    private long _rateLimited;

    public long Sent => Interlocked.Read(ref _sent);
    public long RateLimited => Interlocked.Read(ref _rateLimited);

    /// <summary>Something was added to the outbox, or a held message may go now.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            DateTimeOffset next;
            try
            {
                next = await RoundAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The store or the coordination failed this round (a full disk, a database
                // restart): nothing was marked, the next round tries again.
                logger.LogWarning(e, "{Channel} outbox round failed; trying again", sender.Channel);
                next = clock.GetUtcNow() + Idle;
            }

            var delay = next - clock.GetUtcNow();
            if (delay > TimeSpan.Zero)
            {
                await _wake.WaitAsync(delay < Idle ? delay : Idle, stoppingToken);
            }
        }
    }

    // Starts a send for the first message of every address that may go now; returns when
    // the next round is due (a send ending wakes it earlier).
    private async Task<DateTimeOffset> RoundAsync(CancellationToken stoppingToken)
    {
        foreach (var done in _inFlight.Where(f => f.Value.IsCompleted).Select(f => f.Key).ToList())
        {
            _inFlight.Remove(done);
        }

        var now = clock.GetUtcNow();
        var next = now + Idle;
        DateTimeOffset channelPause;
        lock (_gate)
        {
            channelPause = _channelPausedUntil;
        }

        if (channelPause > now)
        {
            return channelPause;
        }

        var heads = new HashSet<string>();
        foreach (var message in store.PendingOutbox(sender.Channel, 200))
        {
            if (!heads.Add(message.Address) || message.WaitingForPerson || _inFlight.ContainsKey(message.Address))
            {
                continue; // only each address's first message, one at a time
            }

            if (_inFlight.Count >= MaxInFlight)
            {
                break;
            }

            var due = DueAt(message);
            if (due > now)
            {
                next = due < next ? due : next;
                continue;
            }

            if (!await coordination.HoldAsync(sender.Channel, message.Address, Lease))
            {
                continue; // another instance is sending to this address
            }

            if (await coordination.TakeSlotAsync(sender.Channel, sender.MessagesPerSecond) is { } wait)
            {
                var slot = clock.GetUtcNow() + wait;
                return slot < next ? slot : next; // the rate a second is used up: the rest next round
            }

            _inFlight[message.Address] = SendAsync(message, stoppingToken);
        }

        return next;
    }

    // When the address's first message may go: after its backoff, its interval and any pause.
    private DateTimeOffset DueAt(OutboxMessage message)
    {
        var due = message.NextAttemptAt ?? DateTimeOffset.MinValue;
        lock (_gate)
        {
            if (_lastByAddress.TryGetValue(message.Address, out var last) && last + sender.IntervalFor(message) > due)
            {
                due = last + sender.IntervalFor(message);
            }

            if (_pausedAddresses.TryGetValue(message.Address, out var paused) && paused > due)
            {
                due = paused;
            }
        }

        return due;
    }

    private async Task SendAsync(OutboxMessage message, CancellationToken stoppingToken)
    {
        await Task.Yield(); // the round goes on with the other addresses
        try
        {
            message.Attempts++;
            await SettleAsync(message, await TrySendAsync(message, stoppingToken));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Recording the outcome failed (the store): the message stays pending and is sent
            // again (at least once, never lost).
            logger.LogWarning(e, "{Channel} message {MessageId}: the outcome could not be recorded", sender.Channel, message.Id);
        }
        finally
        {
            Wake();
        }
    }

    private async Task<SendOutcome> TrySendAsync(OutboxMessage message, CancellationToken stoppingToken)
    {
        try
        {
            return await sender.SendAsync(message, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // A dropped connection, a timeout, an answer that could not be read: passing.
            return SendOutcome.Retry($"{e.GetType().Name}: {e.Message}");
        }
    }

    private async Task SettleAsync(OutboxMessage message, SendOutcome outcome)
    {
        var now = clock.GetUtcNow();
        switch (outcome)
        {
            case SendOutcome.SentOutcome:
                lock (_gate)
                {
                    _lastByAddress[message.Address] = now;
                }

                message.SentAt = now;
                Interlocked.Increment(ref _sent);
                VssBotMetrics.OutboxSent.Add(1, VssBotMetrics.Tag("channel", sender.Channel));
                await store.MarkSentAsync(message);
                return;
            case SendOutcome.HeldOutcome:
                message.Attempts--;
                message.WaitingForPerson = true;
                await store.EnqueueAsync(message);
                logger.LogInformation("{Channel} message {MessageId} waits for the person to write again", sender.Channel, message.Id);
                return;
            case SendOutcome.PauseOutcome pause:
                message.Attempts--;
                Interlocked.Increment(ref _rateLimited);
                VssBotMetrics.OutboxRetries.Add(1, VssBotMetrics.Tag("channel", sender.Channel), VssBotMetrics.Tag("reason", "rate_limited"));
                lock (_gate)
                {
                    if (pause.WholeChannel)
                    {
                        _channelPausedUntil = now + pause.Wait;
                    }
                    else
                    {
                        _pausedAddresses[message.Address] = now + pause.Wait;
                    }
                }

                logger.LogWarning("{Channel} asked to wait {Seconds} s ({Scope})", sender.Channel, pause.Wait.TotalSeconds, pause.WholeChannel ? "the channel" : "one address");
                return;
            case SendOutcome.RetryOutcome retry when message.Attempts < MaxAttempts:
                message.NextAttemptAt = now + Backoff(message.Attempts);
                await store.EnqueueAsync(message);
                VssBotMetrics.OutboxRetries.Add(1, VssBotMetrics.Tag("channel", sender.Channel), VssBotMetrics.Tag("reason", "error"));
                logger.LogWarning("{Channel} message {MessageId} failed (try {Attempt}), next try at {Next}: {Error}",
                    sender.Channel, message.Id, message.Attempts, message.NextAttemptAt, retry.Reason);
                return;
            case SendOutcome.RetryOutcome retry:
                await FailAsync(message, retry.Reason);
                return;
            case SendOutcome.FailedOutcome failed:
                await FailAsync(message, failed.Reason);
                return;
            default:
                throw new InvalidOperationException(outcome.ToString());
        }
    }

    /// <summary>2 s, 4 s, 8 s … at most 10 minutes, each within ±25 % so that many
    /// messages failed at once do not come back at once.</summary>
    public static TimeSpan Backoff(int attempts)
    {
        var exponential = FirstRetry * Math.Pow(2, Math.Clamp(attempts - 1, 0, 20));
        var capped = exponential < LongestRetry ? exponential : LongestRetry;
        return capped * (0.75 + (Random.Shared.NextDouble() * 0.5));
    }

    // Refused for good: nothing will change by trying again.
    private async Task FailAsync(OutboxMessage message, string reason)
    {
        message.FailedReason = reason;
        logger.LogWarning("{Channel} refused message {MessageId}: {Error}", sender.Channel, message.Id, reason);
        await store.MarkSentAsync(message);
    }
}
