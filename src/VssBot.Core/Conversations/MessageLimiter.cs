using System.Threading.RateLimiting;

namespace VssBot.Core.Conversations;

/// <summary>
/// Messages per conversation or chat, on the framework's token-bucket limiter: a burst,
/// then so many a minute. Someone sending hundreds of messages a minute is slowed down
/// (refused on the web, delayed on the messengers); everyone else has a bucket of their own.
/// </summary>
public sealed class MessageLimiter(int burst = 20, int perMinute = 40) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(key =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, burst),
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1.0 / Math.Max(1, perMinute)),
            QueueLimit = Math.Max(1, burst),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }));

    /// <summary>Takes a token now: null when taken, else how long until one is free.</summary>
    public TimeSpan? TryTake(string key)
    {
        using var lease = _limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1.0 / Math.Max(1, perMinute));
    }

    /// <summary>Takes a token, waiting in line for one when the bucket is empty.</summary>
    public async Task TakeAsync(string key, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var lease = await _limiter.AcquireAsync(key, 1, cancellationToken);
            if (lease.IsAcquired)
            {
                return;
            }

            // The line is full too: wait for the bucket to refill, then queue again.
            await Task.Delay(lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    public void Dispose() => _limiter.Dispose();
}
