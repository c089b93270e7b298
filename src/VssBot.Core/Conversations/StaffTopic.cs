namespace VssBot.Core.Conversations;

/// <summary>The staff group's forum topic of one handed-off conversation.</summary>
public sealed class StaffTopic
{
    /// <summary>The conversation id.</summary>
    public string Id { get; set; } = "";
    public int TopicId { get; set; }

    /// <summary>The staff group the topic is in (to delete it when the person's data is erased).</summary>
    public string? ChatId { get; set; }
}
