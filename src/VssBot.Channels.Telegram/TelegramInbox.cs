using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;
using VssBot.Channels;
using VssBot.Core.Conversations;

namespace VssBot.Channels.Telegram;

/// <summary>
/// Where Telegram's updates arrive, from polling or the webhook, one at a time as Telegram sent
/// them: turned into channel updates for the shared <see cref="ChannelInbox"/> (recorded before
/// acknowledged, duplicates dropped). The update is recorded as the JSON Telegram sent, never
/// written again by the client library (which reads an enum value newer than itself as 0 and
/// then cannot write it). An update the library cannot read at all is logged by its id and
/// passed over: one update is never a wall for the others.
/// </summary>
internal sealed class TelegramInbox(IChannelStore store, TimeProvider clock, ILogger<TelegramInbox> logger)
{
    public ChannelInbox Shared { get; } = new(store);

    public ChannelReader<ChannelUpdate> Recorded => Shared.Recorded;

    /// <summary>Records one update as Telegram sent it; false when it had been received before,
    /// concerns no chat, or cannot be read (then it is logged and passed over). Throws when
    /// the store cannot record it (the update is not confirmed, and comes again).</summary>
    public async Task<bool> AcceptAsync(long updateId, JsonElement raw)
    {
        Update? update;
        try
        {
            update = raw.Deserialize<Update>(JsonBotAPI.Options);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Telegram update {UpdateId} cannot be read by the client library and is passed over", updateId);
            return false;
        }

        if (update is null || ChatOf(update) is not { } chatId)
        {
            return false;
        }

        var record = new ChannelUpdate
        {
            Id = TelegramChannel.UpdateId(update.Id),
            Channel = TelegramChannel.Name,
            Number = update.Id,
            Address = chatId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Payload = raw.GetRawText(),
            Group = update.Message?.MediaGroupId,
            ReceivedAt = clock.GetUtcNow(),
        };
        return await Shared.AcceptAsync(record);
    }

    /// <summary>The update_id of a raw update, or null when it has none.</summary>
    public static long? IdOf(JsonElement raw) =>
        raw.ValueKind == JsonValueKind.Object && raw.TryGetProperty("update_id", out var id) && id.TryGetInt64(out var value) ? value : null;

    private static long? ChatOf(Update update) =>
        update.Message?.Chat.Id ?? update.CallbackQuery?.Message?.Chat.Id ?? update.CallbackQuery?.From.Id;
}
