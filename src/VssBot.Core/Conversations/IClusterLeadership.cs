namespace VssBot.Core.Conversations;

/// <summary>Work that must run on one instance at a time (Telegram long polling, the retention
/// sweep): on a single instance it simply runs; on a shared database one instance leads and
/// another takes over when it dies.</summary>
public interface IClusterLeadership
{
    /// <summary>Runs <paramref name="work"/> while this instance leads <paramref name="role"/>; waits to lead otherwise.</summary>
    Task RunAsLeaderAsync(string role, Func<CancellationToken, Task> work, CancellationToken stoppingToken);
}

/// <summary>One instance: always the leader.</summary>
public sealed class SingleInstance : IClusterLeadership
{
    public Task RunAsLeaderAsync(string role, Func<CancellationToken, Task> work, CancellationToken stoppingToken) => work(stoppingToken);
}
