using VssBot.Core.Engine;

namespace VssBot.Channels.Telegram;

/// <summary>The Telegram channel's own messages, from dialogs/messages.yaml (keys
/// starting with "telegram_"), checked at start-up.</summary>
internal sealed class TelegramTexts(EngineTexts texts)
{
    public static readonly string[] Keys =
    [
        "telegram_unsupported", "telegram_foreign_contact", "telegram_file_too_big", "telegram_download_failed", "telegram_share_phone",
        "telegram_document_tip", "telegram_cmd_start", "telegram_cmd_menu", "telegram_cmd_help", "telegram_cmd_cancel",
        "telegram_staff_not_linked", "telegram_staff_claim_first", "telegram_staff_changed", "telegram_topic_summary", "telegram_topic_name",
    ];

    public string this[string key] => texts[key];

    public static TelegramTexts From(DialogContent content) => new(ChannelTexts.Require(content, Keys));
}
