using System.Text.Json;
using System.Threading.Channels;
using Telegram.Bot;
using Telegram.Bot.Types;
using VssBot.Core.Conversations;

namespace VssBot.Channels.Telegram;

/// <summary>
/// Where updates arrive, from polling or the webhook: each is recorded in the store
/// before it is acknowledged, and a duplicate (same update id) is dropped.
/// </summary>
internal sealed class TelegramInbox(IChannelStore store, TimeProvider clock)
{
    private readonly Channel<ChannelUpdate> _recorded = Channel.CreateUnbounded<ChannelUpdate>();

    public ChannelReader<ChannelUpdate> Recorded => _recorded.Reader;

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
        if (!await store.RecordUpdateAsync(record))
        {
            return false;
        }

        await _recorded.Writer.WriteAsync(record);
        return true;
    }

    private static long? ChatOf(Update update) =>
        update.Message?.Chat.Id ?? update.CallbackQuery?.Message?.Chat.Id ?? update.CallbackQuery?.From.Id;
}
