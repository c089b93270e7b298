namespace VssBot.IntegrationTests.Support;

/// <summary>
/// Waits for something a server does on its own (a message sent from a background outbox, a
/// state reached in another process), with a deadline: the one polling loop of the tests,
/// looking again at each tick of a timer, never a fixed sleep before an assertion. Where an
/// event can be awaited, tests await it.
/// </summary>
public static class Poll
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(20);

    public static async Task<T> UntilAsync<T>(Func<T?> probe, TimeSpan timeout, Func<string> whatFailed)
        where T : class
    {
        T? found = null;
        await UntilAsync(() => Task.FromResult((found = probe()) is not null), timeout, whatFailed);
        return found!;
    }

    public static Task UntilAsync(Func<bool> done, TimeSpan timeout, string whatFailed) =>
        UntilAsync(() => Task.FromResult(done()), timeout, () => whatFailed);

    public static Task UntilAsync(Func<Task<bool>> done, TimeSpan timeout, string whatFailed) => UntilAsync(done, timeout, () => whatFailed);

    public static async Task UntilAsync(Func<Task<bool>> done, TimeSpan timeout, Func<string> whatFailed)
    {
        using var ticks = new PeriodicTimer(Every);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!await done())
        {
            if (clock.Elapsed >= timeout)
            {
                throw new TimeoutException(whatFailed());
            }

            await ticks.WaitForNextTickAsync();
        }
    }
}
