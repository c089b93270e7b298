using Microsoft.Extensions.Options;
using VssBot.Core.Conversations;

namespace VssBot.Channels.Telegram;

internal sealed class TelegramChannelState(IOptions<TelegramOptions> options) : IChannelState
{
    public ChannelState State => new(TelegramChannel.Name, options.Value.Enabled,
        !options.Value.Enabled ? null : string.IsNullOrWhiteSpace(options.Value.WebhookUrl) ? "polling" : "webhook");
}
