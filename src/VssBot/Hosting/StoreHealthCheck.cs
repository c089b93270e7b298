using Microsoft.Extensions.Diagnostics.HealthChecks;
using VssBot.Core.Conversations;

namespace VssBot.Hosting;

/// <summary>/readyz: the store answers a read (the database file is open and readable).</summary>
public sealed class StoreHealthCheck(IConversationStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            store.FindConversation("readyz-probe");
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("the store cannot be read", e));
        }
    }
}
