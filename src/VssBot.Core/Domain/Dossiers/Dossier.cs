namespace VssBot.Core.Domain.Dossiers;

/// <summary>A finished registration handed to office staff.</summary>
public sealed class Dossier
{
    /// <summary>The reference given to the citizen, e.g. "VB-7K2M9QXD".</summary>
    public string Id { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string DialogId { get; set; } = "";
    public string? OfficeId { get; set; }

    /// <summary>The unit whose invite link the person came through, if any.</summary>
    public string? UnitCode { get; set; }

    /// <summary>When the bot asked, after approval, whether the person could log in to VssID.</summary>
    public DateTimeOffset? LoginAskedAt { get; set; }

    /// <summary>When the person answered that they installed VssID and logged in.</summary>
    public DateTimeOffset? LoggedInAt { get; set; }

    /// <summary>For a child's dossier: the dossier of the parent or guardian registered
    /// in the same conversation, if any.</summary>
    public string? GuardianDossierId { get; set; }
    /// <summary>A <see cref="DossierStatus"/>: submitted, then approved, rejected or changes requested.</summary>
    public DossierStatus Status { get; set; } = DossierStatus.Submitted;

    /// <summary>1 at the first submission, one more at each resubmission.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The earlier submissions, oldest first.</summary>
    public List<DossierVersion> History { get; set; } = [];

    /// <summary>Why it was rejected or sent back (a reason from dialogs/, and a note).</summary>
    public string? Reason { get; set; }

    /// <summary>When staff or the unit's coordinator ticked the signed form 01 as received.</summary>
    public DateTimeOffset? Form01ReceivedAt { get; set; }

    /// <summary>What the person reported wrong on VssID after logging in ("Thẻ BHYT: …").</summary>
    public List<string> Discrepancies { get; set; } = [];

    /// <summary>The steps staff asked to redo (changes requested).</summary>
    public List<string> Redo { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When staff approved or rejected it: photos are kept a set time after.</summary>
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>When retention deleted its photos.</summary>
    public DateTimeOffset? PhotosDeletedAt { get; set; }

    /// <summary>Labelled answers as reviewed by the citizen, in order.</summary>
    public List<DossierField> Fields { get; set; } = [];

    /// <summary>Normalised values by step id.</summary>
    public Dictionary<string, string> Values { get; set; } = [];
    public List<string> PhotoKeys { get; set; } = [];
}
