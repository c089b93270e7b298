using Microsoft.Extensions.Diagnostics.HealthChecks;
using VssBot.Core.Conversations;

namespace VssBot.Hosting;

/// <summary>/readyz: the store takes writes (no disk fault) and answers a read (the database
/// file is open and readable, the database server answers).</summary>
public sealed class StoreHealthCheck(IConversationStore store, IStoreHealth health) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (health.Fault is { } fault)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(fault));
        }

        try
        {
            store.FindConversation("readyz-probe");
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("storage: the store cannot be read", e));
        }
    }
}
