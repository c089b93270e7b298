namespace VssBot.Core.Engine;

/// <summary>
/// Everything the engine needs to continue a conversation: which dialog and version,
/// the current step, the answers, the way back. Stored whole after every turn.
/// </summary>
public sealed class Conversation
{
    public string Id { get; set; } = "";
    public string Channel { get; set; } = "web";
    public string DialogId { get; set; } = "";
    public string DialogVersion { get; set; } = "";
    public string StepId { get; set; } = "";
    public ConversationStatus Status { get; set; }
    public Dictionary<string, Answer> Answers { get; set; } = [];

    /// <summary>Steps answered on the way here, for "quay lại" (Stateless keeps no history).</summary>
    public List<string> History { get; set; } = [];

    /// <summary>Failed answers to the current step in a row.</summary>
    public int Failures { get; set; }

    /// <summary>A command waiting for "yes" (cancel, restart).</summary>
    public string? Pending { get; set; }

    /// <summary>Values of the options suggested for the current step, in the order shown.</summary>
    public List<string>? Offered { get; set; }

    /// <summary>The review step to come back to after changing one answer.</summary>
    public string? ReturnTo { get; set; }

    /// <summary>Last transcript sequence number used.</summary>
    public int Seq { get; set; }
    public List<string> Dossiers { get; set; } = [];

    /// <summary>Dossier references found taken by another conversation so far (each
    /// moves this conversation's next reference on).</summary>
    public int ReferenceAttempts { get; set; }

    /// <summary>Dialogs whose last run reached an end step: entering one again starts it
    /// afresh, without that run's answers.</summary>
    public List<string> Completed { get; set; } = [];

    /// <summary>The answers of the parent or guardian registered in this conversation,
    /// kept for enrolling their children (and "dossier": their dossier's reference).</summary>
    public Dictionary<string, Answer> Guardian { get; set; } = [];

    /// <summary>Steps whose answer a change made void (a new province voids the ward): not
    /// prefilled again in this run.</summary>
    public List<string> Cleared { get; set; } = [];
    /// <summary>Set while the conversation is with people (waiting or with a staff member).</summary>
    public Handoff? Handoff { get; set; }

    /// <summary>The dossier staff sent back for changes: the next submission is its new version.</summary>
    public string? Reopened { get; set; }

    /// <summary>Answers read from an ID card's QR code, waiting for the person's "yes".</summary>
    public Dictionary<string, Answer>? Card { get; set; }

    /// <summary>Steps answered ahead of being asked: passed over when the dialog reaches them.</summary>
    public List<string> Ahead { get; set; } = [];

    /// <summary>Where on its channel the person is (opaque: the channel's address), for staff replies.</summary>
    public string? ChannelAddress { get; set; }

    /// <summary>Where the person came from: the payload of the link that opened the chat.</summary>
    public string? StartPayload { get; set; }

    /// <summary>The unit (school, company…) whose invite link opened the conversation.</summary>
    public string? UnitCode { get; set; }

    /// <summary>When the unit's coordinator last reminded this person to finish.</summary>
    public DateTimeOffset? RemindedAt { get; set; }

    /// <summary>The person said "dừng nhắc": no more reminders.</summary>
    public bool NoReminders { get; set; }

    /// <summary>The approved dossier whose "could you log in?" question is being asked.</summary>
    public string? LoginCheck { get; set; }
    /// <summary>When the person last wrote (a messenger's reply window counts from it).</summary>
    public DateTimeOffset? HeardAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
