namespace VssBot.Core.Engine;

/// <summary>A conversation handed to people: waiting in an office's queue, or with one
/// staff member. While it is set, the bot does not run the dialog.</summary>
public sealed class Handoff
{
    public HandoffState State { get; set; }

    /// <summary>The office whose staff see it; null when the person's office is unknown
    /// (then only admins do).</summary>
    public string? OfficeId { get; set; }
    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>The one staff member who owns it once claimed.</summary>
    public string? Staff { get; set; }
    public string? StaffName { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }

    /// <summary>Whether the person was told, once, that they are still waiting.</summary>
    public bool Reminded { get; set; }

    /// <summary>When the person was told nobody had claimed it yet.</summary>
    public DateTimeOffset? NobodyNoticeAt { get; set; }
}
