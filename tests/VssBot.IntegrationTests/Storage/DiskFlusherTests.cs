using VssBot.Storage;

namespace VssBot.IntegrationTests.Storage;

/// <summary>A commit is acknowledged only once the disk has it: one fsync covers every commit
/// made while the previous one ran, and a failed fsync fails every turn it covered.</summary>
public sealed class DiskFlusherTests
{
    private static TaskCompletionSource[] Batch(int turns) =>
        Enumerable.Range(0, turns).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();

    [Fact]
    public async Task CommitsMadeWhileTheDiskSyncsAreAcknowledgedByTheNextSync()
    {
        using var entered = new SemaphoreSlim(0);
        using var gate = new ManualResetEventSlim(false);
        var syncs = 0;
        using var flusher = new DiskFlusher(() =>
        {
            Interlocked.Increment(ref syncs);
            entered.Release();
            gate.Wait();
        });

        var first = Batch(2);
        flusher.Acknowledge(first);
        Assert.True(await entered.WaitAsync(TimeSpan.FromSeconds(20)), "the first sync never started");
        var second = Batch(3);
        var third = Batch(1);
        flusher.Acknowledge(second);
        flusher.Acknowledge(third);
        Assert.All(first.Concat(second).Concat(third), t => Assert.False(t.Task.IsCompleted)); // nothing before its sync

        gate.Set();
        await Task.WhenAll(first.Concat(second).Concat(third).Select(t => t.Task)).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(2, syncs); // the second and third commits shared one fsync
        Assert.Equal(2, flusher.Syncs);
    }

    [Fact]
    public async Task AFailedSyncFailsEveryTurnItCovered()
    {
        using var flusher = new DiskFlusher(() => throw new IOException("disk full"));
        var batch = Batch(3);
        flusher.Acknowledge(batch);
        foreach (var turn in batch)
        {
            var failure = await Assert.ThrowsAsync<IOException>(() => turn.Task.WaitAsync(TimeSpan.FromSeconds(20)));
            Assert.Equal("disk full", failure.Message);
        }

        Assert.Equal(0, flusher.Syncs);
    }
}
