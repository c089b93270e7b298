namespace VssBot.Core.Conversations;

/// <summary>Which conversation a channel's chat is ("telegram:{chat id}" → conversation).</summary>
public sealed class ChannelLink
{
    public string Id { get; set; } = "";
    public string ConversationId { get; set; } = "";
}
