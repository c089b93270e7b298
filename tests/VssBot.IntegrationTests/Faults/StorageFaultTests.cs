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
}
