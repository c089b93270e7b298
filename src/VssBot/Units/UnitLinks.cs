using VssBot.Channels.Telegram;
using VssBot.Core.Domain.Units;

namespace VssBot.Units;

/// <summary>A unit's invite links: the web chat with ?u={token}, and Telegram's deep link
/// https://t.me/{bot}?start={token} when the bot's user name is configured.</summary>
public sealed class UnitLinks(UnitOptions options, TelegramOptions telegram)
{
    public string Web(Unit unit) => $"{options.PublicUrl.TrimEnd('/')}/?u={Uri.EscapeDataString(unit.Token)}";

    public string? Telegram(Unit unit) =>
        string.IsNullOrWhiteSpace(telegram.BotUsername) ? null : $"https://t.me/{telegram.BotUsername.TrimStart('@')}?start={unit.Token}";
}
