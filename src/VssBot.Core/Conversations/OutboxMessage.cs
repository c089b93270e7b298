namespace VssBot.Core.Conversations;

/// <summary>
/// A message waiting to go out on a channel, written in the same commit as the turn that
/// produced it (a transactional outbox): a crash between commit and send re-sends it,
/// never loses it.
/// </summary>
public sealed class OutboxMessage
{
    public string Id { get; set; } = "";
    public string Channel { get; set; } = "";

    /// <summary>Where on the channel, in the channel's own terms (opaque here): the channel's
    /// sender reads it. Messages to one address go out in order.</summary>
    public string Address { get; set; } = "";
    public string ConversationId { get; set; } = "";

    /// <summary>The transcript entry whose buttons the message carries (callback data
    /// names it, so a tapped button maps back to the label it showed).</summary>
    public int Seq { get; set; }
    public string Text { get; set; } = "";

    /// <summary>A stored photo to send with the text as its caption (a staff member's photo).</summary>
    public string? PhotoKey { get; set; }

    /// <summary>A document to send with the text as its caption ("form01:{dossier}").</summary>
    public string? FileRef { get; set; }
    public List<string> Choices { get; set; } = [];
    public string Expects { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Set when the channel refused it for good (chat gone, bot blocked).</summary>
    public string? FailedReason { get; set; }

    /// <summary>The person cannot be reached now (outside the channel's window, Zalo): the
    /// message waits until they write again.</summary>
    public bool WaitingForPerson { get; set; }

    /// <summary>The person's message this one answers, where the channel counts replies (Zalo's msg_id).</summary>
    public string? ReplyTo { get; set; }
    public int Attempts { get; set; }

    /// <summary>After a passing failure: not tried again before this (backoff with jitter,
    /// kept with the message so that a restart keeps it too).</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }
}
