using System.Threading.RateLimiting;
using VssBot.Core.Engine;
using VssBot.Storage;

namespace VssBot.Web;

/// <summary>Caps each office's queue of people waiting for staff, and the requests for a
/// person one client address may make in an hour.</summary>
public sealed class HandoffGate(RateLimitOptions options, VssBot.Core.Staff.IHandoffStore store) : IHandoffGate, IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAddress = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.HandoffsPerHour), Window = TimeSpan.FromHours(1), QueueLimit = 0,
        }));

    public bool TryQueue(string? officeId, string? origin)
    {
        var waiting = store.HandedOff().Count(c => c.Handoff!.OfficeId == officeId && c.Handoff.State == HandoffState.Waiting);
        if (waiting >= options.MaxWaitingPerOffice)
        {
            return false;
        }

        if (origin is null)
        {
            return true;
        }

        using var lease = _perAddress.AttemptAcquire(origin);
        return lease.IsAcquired;
    }

    public void Dispose() => _perAddress.Dispose();
}
