using System.Reflection;
using VssBot.Backups;
using VssBot.Core.Backups;
using VssBot.Core.Conversations;
using VssBot.Core.Engine;
using VssBot.Core.Staff;
using VssBot.Hosting;
using VssBot.Storage;

namespace VssBot.Staff;

/// <summary>What the admins' system page shows: counts, states and times, never personal data.
/// The handoff queue is the admin's own offices'.</summary>
public sealed record SystemFacts(
    string Version,
    DateTimeOffset StartedAt,
    TimeSpan Uptime,
    string Store,
    long StoreBytes,
    IReadOnlyList<ChannelState> Channels,
    IReadOnlyList<(string Channel, int Pending)> Outbox,
    IReadOnlyList<(string Office, int Waiting, int WithStaff)> Queues,
    BackupOptions Backup,
    BackupStatus BackupStatus,
    RetentionStatus Retention,
    string? StoreFault = null)
{
    private static readonly string[] OutboxChannels = ["telegram", "zalo"];

    public static SystemFacts Read(IServiceProvider services, StaffAccount admin, TimeProvider clock)
    {
        var started = new DateTimeOffset(System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime(), TimeSpan.Zero);
        var offices = services.GetRequiredService<DialogContent>().Offices;
        var channels = services.GetRequiredService<IChannelStore>();
        var fault = services.GetRequiredService<IStoreHealth>().Fault;
        List<(string, int, int)> queues = [];
        List<(string, int)> outbox = [];
        try
        {
            queues = services.GetRequiredService<IHandoffStore>().HandedOff()
                .Where(c => admin.Serves(c.Handoff!.OfficeId))
                .GroupBy(c => c.Handoff!.OfficeId)
                .Select(g => (offices.Find(g.Key ?? "")?.Name ?? g.Key ?? "", g.Count(c => c.Handoff!.ClaimedAt is null), g.Count(c => c.Handoff!.ClaimedAt is not null)))
                .OrderBy(q => q.Item1, StringComparer.Ordinal)
                .ToList();
            outbox = [.. OutboxChannels.Select(c => (c, channels.OutboxBacklog(c)))];
        }
        catch (StoreUnavailableException e)
        {
            fault ??= e.Cause; // the page still says what it can, and why the rest is missing
        }

        return new SystemFacts(
            typeof(SystemFacts).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "?",
            started,
            clock.GetUtcNow() - started,
            services.GetRequiredService<StoreOptions>().Provider,
            services.GetRequiredService<IStoreSize>().SizeOnDisk,
            [.. services.GetServices<IChannelState>().Select(s => s.State)],
            outbox,
            queues,
            services.GetRequiredService<BackupOptions>(),
            services.GetRequiredService<BackupStatus>(),
            services.GetRequiredService<RetentionStatus>(),
            fault);
    }
}
