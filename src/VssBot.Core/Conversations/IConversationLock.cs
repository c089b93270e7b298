namespace VssBot.Core.Conversations;

/// <summary>One turn at a time per conversation: in this process (the embedded store), or
/// across every instance sharing a database (PostgreSQL's advisory locks).</summary>
public interface IConversationLock
{
    Task<IDisposable> AcquireAsync(string conversationId);
}

/// <summary>The lock of a single process.</summary>
public sealed class ProcessConversationLock : IConversationLock
{
    private readonly KeyedLock _locks = new();

    public Task<IDisposable> AcquireAsync(string conversationId) => _locks.AcquireAsync(conversationId);
}
