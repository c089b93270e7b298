namespace VssBot.Core.Staff;

/// <summary>A private note staff keep on a conversation; the person never sees it.</summary>
public sealed class StaffNote
{
    public string Id { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public string Staff { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
