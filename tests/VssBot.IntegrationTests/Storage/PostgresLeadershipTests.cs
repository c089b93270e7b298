using Microsoft.Extensions.Logging.Abstractions;
using VssBot.IntegrationTests.Support;
using VssBot.Storage.Postgres;

namespace VssBot.IntegrationTests.Storage;

/// <summary>Once per cluster (Telegram long polling, the retention sweep): two instances on one
/// database, one leads; when it stops, the other takes over.</summary>
[Collection(SeparateProcesses.Name)]
public sealed class PostgresLeadershipTests
{
    [Fact]
    public async Task OneInstanceLeadsAndAnotherTakesOverWhenItStops()
    {
        await using var postgres = await PostgresServer.StartAsync();
        using var first = new PostgresLeadership(postgres.ConnectionString, NullLogger<PostgresLeadership>.Instance, TimeSpan.FromMilliseconds(100));
        using var second = new PostgresLeadership(postgres.ConnectionString, NullLogger<PostgresLeadership>.Instance, TimeSpan.FromMilliseconds(100));
        var firstLeads = new TaskCompletionSource();
        var secondLeads = new TaskCompletionSource();
        var running = 0;
        var overlapped = false;
        async Task Work(TaskCompletionSource leads, CancellationToken until)
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            leads.TrySetResult();
            var stopped = new TaskCompletionSource();
            using (until.Register(() => stopped.TrySetResult()))
            {
                await stopped.Task; // leads until told to stop
            }

            Interlocked.Decrement(ref running);
        }

        using var stopFirst = new CancellationTokenSource();
        using var stopSecond = new CancellationTokenSource();
        var one = first.RunAsLeaderAsync("polling", t => Work(firstLeads, t), stopFirst.Token);
        await firstLeads.Task.WaitAsync(TimeSpan.FromSeconds(20));
        var two = second.RunAsLeaderAsync("polling", t => Work(secondLeads, t), stopSecond.Token);

        // The second tries, and is refused, while the first leads: three refused attempts, no work.
        await Poll.UntilAsync(() => second.Attempts >= 3, TimeSpan.FromSeconds(20), "the second never tried to lead");
        Assert.False(secondLeads.Task.IsCompleted);

        stopFirst.Cancel();
        await one;
        await secondLeads.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.False(overlapped);
        stopSecond.Cancel();
        await two;
    }
}
