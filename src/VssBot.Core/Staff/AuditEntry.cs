namespace VssBot.Core.Staff;

/// <summary>Who did what to what, and when: every staff action is recorded.</summary>
public sealed class AuditEntry
{
    public string Id { get; set; } = "";
    public string Staff { get; set; } = "";
    public string Action { get; set; } = "";
    public string Subject { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
