using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using VssBot.Core.Backups;
using VssBot.Storage;

namespace VssBot.Backups;

/// <summary>
/// With Backup:Directory set, writes a consistent, encrypted copy of the store
/// Backup:FirstDelaySeconds after start and then every Backup:IntervalMinutes, named by UTC
/// time (vssbot-20261125T064000Z.db), keeping the Backup:Keep newest.
/// </summary>
public sealed class BackupService(IServiceProvider services, BackupOptions options, BackupStatus status, TimeProvider clock, ILogger<BackupService> logger) : BackgroundService
{
    public const string Prefix = "vssbot-";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        var store = services.GetRequiredService<IStoreBackup>();
        await Task.Delay(TimeSpan.FromSeconds(options.FirstDelaySeconds), clock, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await BackupOnceAsync(store);
            await Task.Delay(TimeSpan.FromMinutes(options.IntervalMinutes), clock, stoppingToken);
        }
    }

    private async Task BackupOnceAsync(IStoreBackup store)
    {
        var now = clock.GetUtcNow();
        try
        {
            PrivateFiles.CreateDirectory(options.Directory!);
            var file = Path.Combine(options.Directory!, Prefix + now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + ".db");
            var bytes = await store.BackupAsync(file);
            status.Succeeded(now, file, bytes);
            logger.LogInformation("Backup written: {File} ({Bytes} bytes)", file, bytes);
            foreach (var old in Directory.GetFiles(options.Directory!, Prefix + "*.db").Order().Reverse().Skip(options.Keep))
            {
                File.Delete(old);
                File.Delete(LiteDbStore.ChecksumOf(old));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever went wrong, it is a failed backup: shown and retried, never a stopped server.
            status.Failed(now, e.Message);
            logger.LogError(e, "Backup failed");
        }
    }
}

/// <summary>/readyz: degraded while the last backup failed (the system page says why).</summary>
public sealed class BackupHealthCheck(BackupStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.Failing ? HealthCheckResult.Degraded($"the last backup failed: {status.Failure}") : HealthCheckResult.Healthy());
}
