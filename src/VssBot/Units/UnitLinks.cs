using VssBot.Channels.Telegram;
using VssBot.Core.Domain.Units;

namespace VssBot.Units;

/// <summary>A unit's invite links: the web chat with ?u={token}, and Telegram's deep link
/// https://t.me/{bot}?start={token} when the bot's user name is configured.</summary>
public sealed class UnitLinks(Microsoft.Extensions.Options.IOptions<UnitOptions> unitOptions, Microsoft.Extensions.Options.IOptions<TelegramOptions> telegramOptions)
{
    public string Web(Unit unit) => $"{unitOptions.Value.PublicUrl.TrimEnd('/')}/?u={Uri.EscapeDataString(unit.Token)}";

    public string? Telegram(Unit unit) =>
        string.IsNullOrWhiteSpace(telegramOptions.Value.BotUsername) ? null : $"https://t.me/{telegramOptions.Value.BotUsername.TrimStart('@')}?start={unit.Token}";
}
