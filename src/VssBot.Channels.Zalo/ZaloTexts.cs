using VssBot.Core.Engine;

namespace VssBot.Channels.Zalo;

/// <summary>The Zalo channel's own messages, from dialogs/messages.yaml (keys starting with
/// "zalo_"), checked at start-up.</summary>
internal sealed class ZaloTexts(EngineTexts texts)
{
    public static readonly string[] Keys =
        ["zalo_unsupported", "zalo_file_too_big", "zalo_download_failed", "zalo_share_phone_title", "zalo_share_phone_subtitle", "zalo_type_number", "zalo_outside_window"];

    public string this[string key] => texts[key];

    public static ZaloTexts From(DialogContent content) => new(ChannelTexts.Require(content, Keys));
}
