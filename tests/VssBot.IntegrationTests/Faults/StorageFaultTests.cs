using VssBot.Core.Conversations;
using VssBot.IntegrationTests.Support;
using VssBot.Storage;
using static VssBot.IntegrationTests.Storage.LiteDbFileFormatTests;

namespace VssBot.IntegrationTests.Faults;

/// <summary>
/// Each way the disk can fail the store, injected at its file layer (the journal's writes and
/// fdatasyncs, LiteDB's page writes and syncs), with the errors the kernel gives (EIO, ENOSPC):
/// the store refuses writes with <see cref="StoreUnavailableException"/> (never a crash),
/// takes them again by itself once the disk does, and after a restart holds every turn it
/// acknowledged, each once. The real full disk is in <see cref="FullDiskTests"/>.
/// </summary>
public sealed class StorageFaultTests
{
    private sealed class InjectedFaults(DiskOp failing) : IDiskFaults
    {
        private volatile bool _on;

        public int Injected;

        public bool On { set => _on = value; }

        public void Before(DiskOp op, string path)
        {
            if (_on && op == failing)
            {
                Interlocked.Increment(ref Injected);
                throw new IOException(op is DiskOp.JournalWrite ? "No space left on device" : "Input/output error");
            }
        }
    }

    [Theory]
    [InlineData(DiskOp.JournalWrite)]
    [InlineData(DiskOp.JournalSync)]
    [InlineData(DiskOp.LiteDbWrite)]
    [InlineData(DiskOp.LiteDbSync)]
    internal async Task AFailingDiskIsAStateTheStoreLeavesByItselfLosingNothingAcknowledged(DiskOp failing)
    {
        using var data = new TempFolder("disk-fault");
        var faults = new InjectedFaults(failing);
        var acknowledged = new List<string>();
        var turn = 0;
        using (var store = new LiteDbStore(new StoreOptions { DataDirectory = data.Path, Password = VssBotProcess.TestKey }, TimeSpan.FromMilliseconds(20), faults))
        {
            async Task<bool> CommitAsync()
            {
                var id = $"c{++turn}";
                try
                {
                    await store.CommitAsync(Turn(id, 1));
                    acknowledged.Add(id);
                    return true;
                }
                catch (StoreUnavailableException)
                {
                    return false;
                }
            }

            for (var i = 0; i < 5; i++)
            {
                Assert.True(await CommitAsync());
            }

            // The disk starts failing: turns go on until one is refused (LiteDB's own writes fail
            // on the applier's thread, a little later than the journal's).
            faults.On = true;
            await Poll.UntilAsync(async () => !await CommitAsync(), TimeSpan.FromSeconds(30), $"no turn was refused while {failing} failed");
            Assert.NotNull(store.Fault);
            Assert.True(faults.Injected > 0);
            Assert.False(await CommitAsync()); // refused at once while it lasts
            Assert.Contains("storage:", store.Fault);

            // The disk recovers: the store finds out by itself and takes turns again.
            faults.On = false;
            await Poll.UntilAsync(() => store.Fault is null, TimeSpan.FromSeconds(30), $"the store did not recover after {failing}");
            for (var i = 0; i < 5; i++)
            {
                Assert.True(await CommitAsync());
            }
        }

        // Every acknowledged turn, each once, after a restart on the same files.
        using var again = new LiteDbStore(new StoreOptions { DataDirectory = data.Path, Password = VssBotProcess.TestKey });
        Assert.All(acknowledged, id => Assert.Equal(["Nguyễn Văn An 1"], again.Transcript(id, 0).Select(t => t.Text)));
    }

    /// <summary>Fails one page write of LiteDB's log: the <c>n</c>th after it is armed.</summary>
    private sealed class OneLogWriteFails(int n) : IDiskFaults
    {
        private int _left = -1;

        public bool Failed { get; private set; }

        public void Arm() => Volatile.Write(ref _left, n);

        public void Before(DiskOp op, string path)
        {
            if (op == DiskOp.LiteDbWrite && path.EndsWith("-log.db", StringComparison.Ordinal) && Volatile.Read(ref _left) > 0 && Interlocked.Decrement(ref _left) == 0)
            {
                Failed = true;
                throw new IOException("No space left on device");
            }
        }
    }

    /// <summary>
    /// LiteDB lets a commit return as written when its writer queue failed on the commit's
    /// last page (the confirmation), then closes its engine: the store must not take such a
    /// commit for applied. Found by the full-disk test on CI (an acknowledged answer missing
    /// after the disk had room again). Whichever page of whichever commit fails, every
    /// acknowledged turn is read back while the process goes on, and after a restart.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    internal async Task ACommitLiteDbReportsWrittenButCouldNotWriteIsNotTakenForApplied(int failingWrite)
    {
        using var data = new TempFolder("log-write");
        var faults = new OneLogWriteFails(failingWrite);
        var acknowledged = new List<string>();
        using (var store = new LiteDbStore(new StoreOptions { DataDirectory = data.Path, Password = VssBotProcess.TestKey }, TimeSpan.FromMilliseconds(20), faults))
        {
            var commits = store.Commits;
            faults.Arm();
            // Turns go on until the armed write failed, then twenty more are acknowledged.
            var after = 0;
            for (var turn = 1; after < 20; turn++)
            {
                Assert.True(turn < 2000, "the armed write never failed, or the store never recovered");
                var id = $"c{turn}";
                try
                {
                    await store.CommitAsync(Turn(id, 1));
                    acknowledged.Add(id);
                    after += faults.Failed ? 1 : 0;
                }
                catch (StoreUnavailableException)
                {
                    await Poll.UntilAsync(() => store.Fault is null, TimeSpan.FromSeconds(30), "the store did not recover");
                }
            }

            Assert.True(store.Commits > commits);
            await Poll.UntilAsync(() => store.Fault is null, TimeSpan.FromSeconds(30), "the store did not recover");
            Assert.All(acknowledged, id => Assert.Equal(["Nguyễn Văn An 1"], store.Transcript(id, 0).Select(t => t.Text)));
            var inFile = store.ConversationIds().ToHashSet(); // the file itself, past the cache of committed documents
            Assert.All(acknowledged, id => Assert.Contains(id, inFile));
        }

        using var again = new LiteDbStore(new StoreOptions { DataDirectory = data.Path, Password = VssBotProcess.TestKey });
        Assert.All(acknowledged, id => Assert.Equal(["Nguyễn Văn An 1"], again.Transcript(id, 0).Select(t => t.Text)));
    }
}
