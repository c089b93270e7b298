namespace VssBot.IntegrationTests.Support;

/// <summary>Waits for something a server does on its own (a message sent from a background
/// outbox), with a deadline: a poll for the event, never a fixed sleep.</summary>
public static class Poll
{
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

            await Task.Delay(20);
        }

        throw new TimeoutException(whatFailed());
    }
}
