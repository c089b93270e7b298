using Microsoft.Extensions.Options;
using VssBot.Core.Conversations;

namespace VssBot.Channels.Zalo;

internal sealed class ZaloChannelState(IOptions<ZaloOptions> options, ZaloTokens tokens) : IChannelState
{
    public ChannelState State => new(ZaloChannel.Name, options.Value.Enabled, options.Value.Enabled ? "webhook" : null,
        options.Value.Enabled ? tokens.Current?.ExpiresAt : null, options.Value.Enabled && tokens.Degraded);
}
