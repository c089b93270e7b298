using VssBot.Core.Engine;

namespace VssBot.Core.Conversations;

/// <summary>
/// One turn end to end for any channel: lock the conversation, load it, run the
/// engine, commit, and only then hand back the replies.
/// </summary>
public sealed class ConversationService(DialogEngine engine, IConversationStore store, TimeProvider clock)
{
    public const string DefaultDialog = "menu";

    private readonly KeyedLock _locks = new();

    /// <summary>Opens a conversation. <paramref name="beforeCommit"/> adds a channel's own
    /// writes (its chat link, outbox) to the same commit.</summary>
    public async Task<TurnResult> StartAsync(string channel, string? dialogId = null, Action<TurnResult>? beforeCommit = null)
    {
        var conversation = new Conversation { Id = NewId(), Channel = channel };
        using var held = await _locks.AcquireAsync(conversation.Id);
        var turn = await engine.StartAsync(conversation, dialogId ?? DefaultDialog, clock.GetUtcNow());
        beforeCommit?.Invoke(turn);
        await store.CommitAsync(turn);
        return turn;
    }

    /// <summary>Runs one turn; null when the conversation does not exist.</summary>
    public async Task<TurnResult?> TurnAsync(string conversationId, Input input, Action<TurnResult>? beforeCommit = null)
    {
        using var held = await _locks.AcquireAsync(conversationId);
        var conversation = store.FindConversation(conversationId);
        if (conversation is null)
        {
            return null;
        }

        var turn = await engine.TurnAsync(conversation, input, clock.GetUtcNow());
        beforeCommit?.Invoke(turn);
        await store.CommitAsync(turn);
        return turn;
    }

    private static string NewId() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
}
