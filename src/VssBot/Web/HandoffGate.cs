using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using VssBot.Core.Engine;

namespace VssBot.Web;

/// <summary>
/// Caps each office's queue of people waiting for staff, and the requests for a person one
/// client address may make in an hour. Asked inside a turn, so it answers from memory: the
/// number waiting per office is read from the store when the gate starts and then every
/// <see cref="Refresh"/> in the background (other instances' queues included), and counted up
/// at once for each person it lets in (a commit that then fails is corrected by the next read).
/// </summary>
public sealed class HandoffGate : IHandoffGate, IDisposable
{
    /// <summary>How often the queues are read again from the store.</summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(10);

    private readonly RateLimitOptions _options;
    private readonly VssBot.Core.Staff.IHandoffStore _store;
    private readonly ILogger<HandoffGate> _logger;
    private readonly ITimer _timer;
    private readonly PartitionedRateLimiter<string> _perAddress;
    private volatile ConcurrentDictionary<string, int> _waiting = new();

    public HandoffGate(RateLimitOptions options, VssBot.Core.Staff.IHandoffStore store, TimeProvider clock, ILogger<HandoffGate> logger)
    {
        _options = options;
        _store = store;
        _logger = logger;
        _perAddress = PartitionedRateLimiter.Create<string, string>(address =>
            RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, options.HandoffsPerHour), Window = TimeSpan.FromHours(1), QueueLimit = 0,
            }));
        Read();
        _timer = clock.CreateTimer(_ => Read(), null, Refresh, Refresh);
    }

    public bool TryQueue(string? officeId, string? origin)
    {
        var key = officeId ?? "";
        var waiting = _waiting;
        if (waiting.GetValueOrDefault(key) >= _options.MaxWaitingPerOffice)
        {
            return false;
        }

        if (origin is not null)
        {
            using var lease = _perAddress.AttemptAcquire(origin);
            if (!lease.IsAcquired)
            {
                return false;
            }
        }

        waiting.AddOrUpdate(key, 1, (_, n) => n + 1);
        return true;
    }

    // The store's queues, whole; a store that cannot answer now leaves the last counts.
    private void Read()
    {
        try
        {
            _waiting = new ConcurrentDictionary<string, int>(_store.HandedOff()
                .Where(c => c.Handoff!.State == HandoffState.Waiting)
                .GroupBy(c => c.Handoff!.OfficeId ?? "")
                .ToDictionary(g => g.Key, g => g.Count()));
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Handoff queues could not be read; the last counts stay");
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        _perAddress.Dispose();
    }
}
