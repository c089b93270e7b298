namespace VssBot.Core.Conversations;

/// <summary>
/// Shares a channel's outbox among the instances that drain it: a chat is held by one
/// instance at a time (so its messages keep their order and its interval), and the channel's
/// rate a second is counted over all instances.
/// </summary>
public interface IOutboxCoordination
{
    /// <summary>Holds (or keeps holding) the address for <paramref name="lease"/>; false while
    /// another instance holds it.</summary>
    Task<bool> HoldAsync(string channel, string address, TimeSpan lease);

    /// <summary>Takes one of the channel's <paramref name="perSecond"/> sends of the current
    /// second; when they are all taken, how long until the next second (nothing taken).</summary>
    Task<TimeSpan?> TakeSlotAsync(string channel, int perSecond);
}

/// <summary>One instance: every address is its own; the rate is a sliding second in memory.</summary>
public sealed class LocalOutboxCoordination(TimeProvider clock) : IOutboxCoordination
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _recent = [];

    public Task<bool> HoldAsync(string channel, string address, TimeSpan lease) => Task.FromResult(true);

    public Task<TimeSpan?> TakeSlotAsync(string channel, int perSecond)
    {
        lock (_recent)
        {
            if (!_recent.TryGetValue(channel, out var recent))
            {
                recent = new Queue<DateTimeOffset>();
                _recent[channel] = recent;
            }

            var now = clock.GetUtcNow();
            while (recent.Count > 0 && now - recent.Peek() >= Window)
            {
                recent.Dequeue();
            }

            if (recent.Count >= perSecond)
            {
                return Task.FromResult<TimeSpan?>(Window - (now - recent.Peek()));
            }

            recent.Enqueue(now);
            return Task.FromResult<TimeSpan?>(null);
        }
    }
}
