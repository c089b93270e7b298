using System.Globalization;
using System.Security.Cryptography;
using VssBot.Core.Conversations;

namespace VssBot.Channels.Zalo;

/// <summary>A signed webhook event as a channel update for the shared <see cref="ChannelInbox"/>:
/// deduplicated on message.msg_id (Zalo retries), else on the event's own bytes.</summary>
internal sealed class ZaloInbox(IChannelStore store, TimeProvider clock)
{
    public ChannelInbox Shared { get; } = new(store);

    public Task<bool> AcceptAsync(ZaloEvent e, byte[] body)
    {
        var key = e.MessageId ?? "event-" + Convert.ToHexStringLower(SHA256.HashData(body))[..32];
        return Shared.AcceptAsync(new ChannelUpdate
        {
            Id = $"{ZaloChannel.Name}:{key}",
            Channel = ZaloChannel.Name,
            Number = long.TryParse(e.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var at) ? at : clock.GetUtcNow().ToUnixTimeMilliseconds(),
            Address = e.UserId!,
            Payload = System.Text.Encoding.UTF8.GetString(body),
            ReceivedAt = clock.GetUtcNow(),
        });
    }
}
