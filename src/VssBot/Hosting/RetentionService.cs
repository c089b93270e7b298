using VssBot.Storage;
using VssBot.Core.Retention;

namespace VssBot.Hosting;

/// <summary>Deletes what is kept too long: photos of decided dossiers, abandoned
/// conversations. Runs a minute after start and then every Retention:IntervalMinutes, on one
/// instance of a cluster at a time.</summary>
public sealed class RetentionService(IRetentionStore store, RetentionOptions options, TimeProvider clock, VssBot.Core.Conversations.IClusterLeadership leadership,
    RetentionStatus status, ILogger<RetentionService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => leadership.RunAsLeaderAsync("retention", SweepAsync, stoppingToken);

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, options.FirstSweepDelaySeconds)), stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var swept = await store.SweepAsync(options, clock.GetUtcNow());
                status.LastRunAt = clock.GetUtcNow();
                status.Last = swept;
                logger.LogInformation("Retention: {Photos} dossiers' photos and {Conversations} abandoned conversations deleted",
                    swept.DossierPhotosDeleted, swept.ConversationsDeleted);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Retention sweep failed");
            }

            await Task.Delay(TimeSpan.FromMinutes(Math.Max(1, options.IntervalMinutes)), stoppingToken);
        }
    }
}

/// <summary>When this instance last swept, and what went (for the system page).</summary>
public sealed class RetentionStatus
{
    public DateTimeOffset? LastRunAt { get; set; }
    public RetentionSweep? Last { get; set; }
}
