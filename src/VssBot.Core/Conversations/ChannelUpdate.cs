namespace VssBot.Core.Conversations;

/// <summary>An update received from a channel, recorded before it is handled: a
/// duplicate delivery finds it and is ignored; after a crash it is handled again.</summary>
public sealed class ChannelUpdate
{
    /// <summary>"{channel}:{the channel's id of the update}", unique (duplicates are dropped).</summary>
    public string Id { get; set; } = "";
    public string Channel { get; set; } = "";
    public long Number { get; set; }
    public string Address { get; set; } = "";

    /// <summary>The update as the channel sent it (JSON).</summary>
    public string Payload { get; set; } = "";

    /// <summary>Photos of one album share it; they are handled together.</summary>
    public string? Group { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public bool Done { get; set; }
}
