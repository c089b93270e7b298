using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Engine;

namespace VssBot.Core.Conversations;

/// <summary>Where conversations, transcripts, photos and dossiers live. A turn's writes
/// are committed together; the returned task completes only once they are durable.</summary>
public interface IConversationStore
{
    Conversation? FindConversation(string id);

    IReadOnlyList<TranscriptEntry> Transcript(string conversationId, int afterSeq);

    Task CommitAsync(TurnResult turn);

    Dossier? FindDossier(string id);

    /// <summary>Saves a dossier on its own (a decision on one whose conversation is gone).</summary>
    Task SaveDossierAsync(Dossier dossier);

    byte[]? Photo(string key);

    string? ArchivedDialog(string dialogId, string version);
}
