using System.ComponentModel.DataAnnotations;

namespace VssBot.Channels.Telegram;

/// <summary>Configuration section "Telegram". The channel is on when <see cref="BotToken"/>
/// is set (also as the environment variable Telegram__BotToken).</summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    public string? BotToken { get; set; }

    /// <summary>Public HTTPS address of POST /telegram/webhook; when set, webhook mode
    /// replaces long polling.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Secret Telegram sends in X-Telegram-Bot-Api-Secret-Token; generated at
    /// start-up when not set.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Another Bot API server: a self-hosted one, or a local test server.</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>Least time between two messages to one chat (Telegram asks for about 1 s).</summary>
    [Range(0, 60000, ErrorMessage = "Telegram:PerChatIntervalMs must be between {1} and {2}")]
    public int PerChatIntervalMs { get; set; } = 1000;

    /// <summary>Most messages a second over all chats (Telegram allows about 30).</summary>
    [Range(1, 1000, ErrorMessage = "Telegram:MessagesPerSecond must be between {1} and {2}")]
    public int MessagesPerSecond { get; set; } = 29;

    /// <summary>How long to wait after the last photo of an album before handling it.</summary>
    [Range(0, 60000, ErrorMessage = "Telegram:AlbumWaitMs must be between {1} and {2}")]
    public int AlbumWaitMs { get; set; } = 1500;

    /// <summary>Long-polling timeout of getUpdates.</summary>
    [Range(0, 50, ErrorMessage = "Telegram:PollTimeoutSeconds must be between {1} and {2}")]
    public int PollTimeoutSeconds { get; set; } = 25;

    /// <summary>A staff supergroup with forum topics: one topic per handed-off conversation,
    /// mirrored both ways, with /claim, /release, /close. Off when empty.</summary>
    public string? StaffChatId { get; set; }

    /// <summary>Least time between two messages to the staff group (Telegram: 20 a minute).</summary>
    [Range(0, 60000, ErrorMessage = "Telegram:StaffChatIntervalMs must be between {1} and {2}")]
    public int StaffChatIntervalMs { get; set; } = 3000;

    /// <summary>The bot's user name (without @), for units' deep links https://t.me/{name}?start=….</summary>
    public string? BotUsername { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);

    public bool StaffGroup => Enabled && !string.IsNullOrWhiteSpace(StaffChatId);
}
