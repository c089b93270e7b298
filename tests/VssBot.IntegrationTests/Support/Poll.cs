namespace VssBot.IntegrationTests.Support;

/// <summary>
/// Waits for something a server does on its own (a message sent from a background outbox, a
/// state reached in another process), with a deadline: the one polling loop of the tests,
/// never a fixed sleep before an assertion. Where an event can be awaited, tests await it.
/// </summary>
public static class Poll
{
    private static readonly TimeSpan Every = TimeSpan.FromMilliseconds(20);

    public static async Task<T> UntilAsync<T>(Func<T?> probe, TimeSpan timeout, Func<string> whatFailed)
        where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (probe() is { } found)
            {
                return found;
            }

            await Task.Delay(Every);
        }

        throw new TimeoutException(whatFailed());
    }

    public static Task UntilAsync(Func<bool> done, TimeSpan timeout, string whatFailed) =>
        UntilAsync(() => Task.FromResult(done()), timeout, () => whatFailed);

    public static Task UntilAsync(Func<Task<bool>> done, TimeSpan timeout, string whatFailed) => UntilAsync(done, timeout, () => whatFailed);

    public static async Task UntilAsync(Func<Task<bool>> done, TimeSpan timeout, Func<string> whatFailed)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await done())
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException(whatFailed());
            }

            await Task.Delay(Every);
        }
    }
}
