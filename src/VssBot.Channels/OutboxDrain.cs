using Microsoft.Extensions.Logging;
using VssBot.Core.Conversations;
using VssBot.Core.Telemetry;

namespace VssBot.Channels;

/// <summary>
/// Drains one channel's outbox in order: one address's messages one after another (a held or
/// failing message keeps the later ones of that address waiting), at most one message an
/// address per interval and N a second overall, everything paused when the channel asks. A
/// message is marked sent only after the channel accepted it, so a crash re-sends, never loses.
/// Every instance sharing the store drains: an address is sent to by the instance that holds it
/// (<see cref="IOutboxCoordination"/>; taken over when a holder dies and its lease runs out), and
/// the rate a second is counted over all of them.
/// </summary>
public sealed class OutboxDrain(IOutboxSender sender, IChannelStore store, IOutboxCoordination coordination, TimeProvider clock, ILogger logger)
{
    private const int MaxAttempts = 5;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _wake = new(0);
    private readonly Dictionary<string, DateTimeOffset> _lastByAddress = [];

    public long Sent { get; private set; }
    public long RateLimited { get; private set; }

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
            var next = DateTimeOffset.MaxValue;
            var blocked = new HashSet<string>();
            foreach (var message in store.PendingOutbox(sender.Channel, 200))
            {
                if (blocked.Contains(message.Address) || message.WaitingForPerson)
                {
                    blocked.Add(message.Address); // keep each address's order
                    continue;
                }

                var now = clock.GetUtcNow();
                var interval = sender.IntervalFor(message);
                if (_lastByAddress.TryGetValue(message.Address, out var last) && now - last < interval)
                {
                    blocked.Add(message.Address);
                    next = next < last + interval ? next : last + interval;
                    continue;
                }

                if (!await coordination.HoldAsync(sender.Channel, message.Address, Lease))
                {
                    blocked.Add(message.Address); // another instance is sending to this address
                    continue;
                }

                await WaitForGlobalSlotAsync(stoppingToken);
                message.Attempts++;
                var outcome = await TrySendAsync(message, stoppingToken);
                if (await SettleAsync(message, outcome, stoppingToken))
                {
                    next = clock.GetUtcNow();
                    break;
                }

                if (message.SentAt is null && message.FailedReason is null)
                {
                    blocked.Add(message.Address);
                }
            }

            var delay = next == DateTimeOffset.MaxValue ? TimeSpan.FromSeconds(1) : next - clock.GetUtcNow();
            if (delay > TimeSpan.Zero)
            {
                await _wake.WaitAsync(delay < TimeSpan.FromSeconds(1) ? delay : TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task<SendOutcome> TrySendAsync(OutboxMessage message, CancellationToken stoppingToken)
    {
        try
        {
            return await sender.SendAsync(message, stoppingToken);
        }
        catch (HttpRequestException e)
        {
            return SendOutcome.Retry(e.Message);
        }
    }

    /// <summary>Records the outcome; true when all sending must pause (the round ends).</summary>
    private async Task<bool> SettleAsync(OutboxMessage message, SendOutcome outcome, CancellationToken stoppingToken)
    {
        switch (outcome)
        {
            case SendOutcome.SentOutcome:
                var now = clock.GetUtcNow();
                _lastByAddress[message.Address] = now;
                message.SentAt = now;
                Sent++;
                VssBotMetrics.OutboxSent.Add(1, VssBotMetrics.Tag("channel", sender.Channel));
                await store.MarkSentAsync(message);
                return false;
            case SendOutcome.HeldOutcome:
                message.Attempts--;
                message.WaitingForPerson = true;
                await store.EnqueueAsync(message);
                logger.LogInformation("{Channel} message {MessageId} waits for the person to write again", sender.Channel, message.Id);
                return false;
            case SendOutcome.PauseOutcome pause:
                message.Attempts--;
                RateLimited++;
                VssBotMetrics.OutboxRetries.Add(1, VssBotMetrics.Tag("channel", sender.Channel), VssBotMetrics.Tag("reason", "rate_limited"));
                logger.LogWarning("{Channel} asked to wait {Seconds} s", sender.Channel, pause.Wait.TotalSeconds);
                await Task.Delay(pause.Wait, stoppingToken);
                return true;
            case SendOutcome.RetryOutcome retry when message.Attempts < MaxAttempts:
                VssBotMetrics.OutboxRetries.Add(1, VssBotMetrics.Tag("channel", sender.Channel), VssBotMetrics.Tag("reason", "error"));
                logger.LogWarning("{Channel} send failed, will retry: {Error}", sender.Channel, retry.Reason);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                return true;
            case SendOutcome.RetryOutcome retry:
                return await FailAsync(message, retry.Reason);
            case SendOutcome.FailedOutcome failed:
                return await FailAsync(message, failed.Reason);
            default:
                throw new InvalidOperationException(outcome.ToString());
        }
    }

    // Refused for good: nothing will change by trying again.
    private async Task<bool> FailAsync(OutboxMessage message, string reason)
    {
        message.FailedReason = reason;
        logger.LogWarning("{Channel} refused message {MessageId}: {Error}", sender.Channel, message.Id, reason);
        await store.MarkSentAsync(message);
        return false;
    }

    private async Task WaitForGlobalSlotAsync(CancellationToken stoppingToken)
    {
        while (await coordination.TakeSlotAsync(sender.Channel, sender.MessagesPerSecond) is { } wait)
        {
            await Task.Delay(wait, stoppingToken);
        }
    }
}
