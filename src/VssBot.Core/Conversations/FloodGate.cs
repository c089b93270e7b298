using System.Collections.Concurrent;

namespace VssBot.Core.Conversations;

/// <summary>
/// A token bucket per conversation or chat: a burst, then so many messages a minute.
/// Someone sending hundreds of messages a minute is slowed down (refused on the web,
/// delayed on Telegram); everyone else has a bucket of their own and does not notice.
/// </summary>
public sealed class FloodGate(int burst = 20, int perMinute = 40, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new();

    /// <summary>Takes a token; false when the bucket is empty.</summary>
    public bool TryTake(string key) => Wait(key) == TimeSpan.Zero;

    /// <summary>Takes a token, waiting for one when the bucket is empty.</summary>
    public async Task TakeAsync(string key, CancellationToken cancellationToken)
    {
        while (Wait(key) is var wait && wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }
    }

    /// <summary>Zero when a token was taken, else how long until one is free.</summary>
    private TimeSpan Wait(string key)
    {
        var now = _clock.GetUtcNow();
        var bucket = _buckets.GetOrAdd(key, _ => new Bucket(burst, now));
        lock (bucket)
        {
            var refill = (now - bucket.At).TotalMinutes * perMinute;
            bucket.Tokens = Math.Min(burst, bucket.Tokens + refill);
            bucket.At = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                Trim();
                return TimeSpan.Zero;
            }

            return TimeSpan.FromMinutes((1 - bucket.Tokens) / perMinute);
        }
    }

    // Full buckets hold nothing worth keeping: drop them now and then.
    private void Trim()
    {
        if (_buckets.Count < 10_000)
        {
            return;
        }

        var now = _clock.GetUtcNow();
        foreach (var (key, bucket) in _buckets)
        {
            if ((now - bucket.At).TotalMinutes * perMinute >= burst)
            {
                _buckets.TryRemove(key, out _);
            }
        }
    }

    private sealed class Bucket(double tokens, DateTimeOffset at)
    {
        public double Tokens { get; set; } = tokens;
        public DateTimeOffset At { get; set; } = at;
    }
}
