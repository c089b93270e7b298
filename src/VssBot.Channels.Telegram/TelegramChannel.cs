namespace VssBot.Channels.Telegram;

internal static class TelegramChannel
{
    public const string Name = "telegram";

    /// <summary>Bot API limit on files a bot may download.</summary>
    public const long MaxDownloadBytes = 20L * 1024 * 1024;

    public static string LinkId(long chatId) => $"{Name}:{chatId}";

    public static string UpdateId(long updateId) => $"{Name}:{updateId}";
}
