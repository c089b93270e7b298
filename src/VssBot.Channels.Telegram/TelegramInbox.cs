using System.Text.Json;
using System.Threading.Channels;
using Telegram.Bot;
using Telegram.Bot.Types;
using VssBot.Channels;
using VssBot.Core.Conversations;

namespace VssBot.Channels.Telegram;

/// <summary>
/// Where Telegram's updates arrive, from polling or the webhook: turned into channel updates
/// for the shared <see cref="ChannelInbox"/> (recorded before acknowledged, duplicates dropped).
/// </summary>
internal sealed class TelegramInbox(IChannelStore store, TimeProvider clock)
{
    public ChannelInbox Shared { get; } = new(store);

    public ChannelReader<ChannelUpdate> Recorded => Shared.Recorded;

    /// <summary>Records the update; false when it had been received before.</summary>
    public async Task<bool> AcceptAsync(Update update)
    {
        var chatId = ChatOf(update);
        if (chatId is null)
        {
            return false;
        }

        var record = new ChannelUpdate
        {
            Id = TelegramChannel.UpdateId(update.Id),
            Channel = TelegramChannel.Name,
            Number = update.Id,
            Address = chatId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Payload = JsonSerializer.Serialize(update, JsonBotAPI.Options),
            Group = update.Message?.MediaGroupId,
            ReceivedAt = clock.GetUtcNow(),
        };
        return await Shared.AcceptAsync(record);
    }

    private static long? ChatOf(Update update) =>
        update.Message?.Chat.Id ?? update.CallbackQuery?.Message?.Chat.Id ?? update.CallbackQuery?.From.Id;
}
