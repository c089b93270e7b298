using VssBot.Core.Conversations;

namespace VssBot.Core.Tests.Conversations;

public sealed class KeyedLockTests
{
    [Fact]
    public async Task WorkOnOneKeyRunsOneAtATimeAndOtherKeysDoNotWait()
    {
        var locks = new KeyedLock();
        var inside = 0;
        var maxInside = 0;

        async Task Work(string key)
        {
            using var held = await locks.AcquireAsync(key);
            var now = Interlocked.Increment(ref inside);
            maxInside = Math.Max(maxInside, now);
            await Task.Yield(); // hold the lock across an await, as a turn does
            Interlocked.Decrement(ref inside);
        }

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => Work("a"))));
        Assert.Equal(1, maxInside);

        using var a = await locks.AcquireAsync("a");
        var other = locks.AcquireAsync("b");
        Assert.True(other.IsCompleted);
        var second = locks.AcquireAsync("a");
        Assert.False(second.IsCompleted); // the same key waits for its holder...
        (await other).Dispose();
        a.Dispose();
        (await second).Dispose(); // ...and goes on once it lets go
        Assert.Equal(0, locks.Count);
    }
}
