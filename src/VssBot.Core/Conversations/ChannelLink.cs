namespace VssBot.Core.Conversations;

/// <summary>Which conversation a channel's chat is ("{channel}:{the channel's user}" → conversation).</summary>
public sealed class ChannelLink
{
    public string Id { get; set; } = "";
    public string ConversationId { get; set; } = "";
}
