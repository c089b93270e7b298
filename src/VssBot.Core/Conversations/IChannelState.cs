namespace VssBot.Core.Conversations;

/// <summary>How a channel stands, for the admins' system page (no personal data).</summary>
public interface IChannelState
{
    ChannelState State { get; }
}

/// <param name="Mode">"polling", "webhook" or "api"; null when off.</param>
/// <param name="TokenExpiresAt">When the channel's access token expires, where it has one.</param>
/// <param name="Degraded">The channel cannot send now (a token refresh failed).</param>
public sealed record ChannelState(string Channel, bool Enabled, string? Mode, DateTimeOffset? TokenExpiresAt = null, bool Degraded = false);
