using VssBot.Core.Conversations;
using VssBot.Core.Domain.Dossiers;

namespace VssBot.Core.Engine;

/// <summary>
/// What one turn produced, to be committed together: the conversation (changed in
/// place), new transcript entries, photos to write or delete, a submitted dossier.
/// Replies are sent only after the commit.
/// </summary>
public sealed class TurnResult(Conversation conversation)
{
    public Conversation Conversation { get; } = conversation;
    public List<TranscriptEntry> Transcript { get; } = [];
    public List<StoredPhoto> PhotosToStore { get; } = [];
    public List<string> PhotosToDelete { get; } = [];
    public Dossier? Dossier { get; set; }

    /// <summary>The step whose answer was refused in this turn, if one was (for the metrics).</summary>
    public (string Dialog, string Step)? FailedStep { get; set; }

    /// <summary>The dossier is a new version of one sent back for changes: the store keeps
    /// the earlier version in its history.</summary>
    public bool DossierResubmitted { get; set; }

    /// <summary>The person said they logged in to VssID (after approval); recorded on that dossier.</summary>
    public LoginReport? LoggedIn { get; set; }

    /// <summary>A reported discrepancy ("Thẻ BHYT: …"), added to the conversation's latest dossier.</summary>
    public string? Discrepancy { get; set; }

    /// <summary>The turn asks for people (a discrepancy report goes to the office's queue).</summary>
    public bool StartHandoff { get; set; }

    /// <summary>Documents to send after this turn's replies (form 01 of a submitted dossier).</summary>
    public List<string> Files { get; } = [];

    /// <summary>The person asked to delete their data: everything of this conversation
    /// (transcript, photos, dossiers) goes before this turn's own writes.</summary>
    public bool EraseConversation { get; set; }

    /// <summary>The conversation went to people or came back from them in this turn.</summary>
    public bool HandoffChanged { get; set; }

    /// <summary>The office whose queue held the conversation when the turn began (a
    /// release or close clears the handoff, but its office must still hear of it).</summary>
    public string? HandoffOfficeBefore { get; } = conversation.Handoff?.OfficeId;

    /// <summary>The office whose staff may hear of this turn: the handoff's, now or before.</summary>
    public string? HandoffOffice => Conversation.Handoff?.OfficeId ?? HandoffOfficeBefore;

    /// <summary>Channel messages to send once this turn is committed.</summary>
    public List<OutboxMessage> Outbox { get; } = [];

    /// <summary>Channel updates this turn handled, marked done in the same commit.</summary>
    public List<string> HandledUpdates { get; } = [];

    /// <summary>Chats linked to this conversation in the same commit.</summary>
    public List<ChannelLink> Links { get; } = [];

    public IEnumerable<Reply> Replies =>
        Transcript.Where(t => t.From == Sender.Bot).Select(t => new Reply(t.Text, t.Choices, t.Expects) { FileRef = t.FileRef, Seq = t.Seq });
}
