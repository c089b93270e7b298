using System.Text.Json.Nodes;

namespace VssBot.Channels.Zalo;

/// <summary>
/// The parts of a Zalo OA webhook event VssBot reads. User ids are strings (they exceed
/// 2^53); the person is <c>sender.id</c> (<c>follower.id</c> for follow and unfollow), never
/// <c>user_id_by_app</c>.
/// </summary>
public sealed record ZaloEvent(string Name, string? UserId, string? MessageId, string Timestamp, string? Text, IReadOnlyList<ZaloAttachment> Attachments, string? Phone)
{
    public const string SendText = "user_send_text";
    public const string Image = "user_send_image";
    public const string File = "user_send_file";
    public const string Follow = "follow";
    public const string Unfollow = "unfollow";
    public const string SubmitInfo = "user_submit_info";

    /// <summary>Events the person can send that carry nothing VssBot reads (answered kindly).</summary>
    public static readonly HashSet<string> Unsupported = ["user_send_sticker", "user_send_audio", "user_send_video", "user_send_location", "user_send_gif", "user_send_link", "user_send_business_card"];

    /// <summary>A person writing or acting, whom VssBot answers: their messages of every kind,
    /// the shared-information form, and a follow (the welcome). Unfollow is recorded (nothing
    /// is sent to someone who left).</summary>
    private static readonly HashSet<string> FromPerson = [SendText, Image, File, SubmitInfo, Follow, Unfollow, .. Unsupported];

    /// <summary>Events Zalo's documentation lists that are not a person writing: receipts,
    /// reactions, the OA's own messages echoed back, tags, widget consents, profile updates,
    /// the chat-now button, anonymous chats. Recorded nowhere, answered never: answering a
    /// receipt makes another receipt, a loop that spams the person and burns the OA's quota.</summary>
    public static readonly HashSet<string> NotAPersonWriting =
    [
        "user_received_message", "user_seen_message", "user_reacted_message", "oa_reacted_message",
        "add_user_to_tag", "remove_user_from_tag", "remove_tag", "create_tag", "update_user_info",
        "widget_interaction_accepted", "widget_failed_to_sync_user_external_id", "user_click_chatnow",
        "change_oa_daily_quota", "change_template_status", "change_oa_template_tags",
    ];

    /// <summary>The OA's own messages echoed back (sent by VssBot or an OA admin): ignored.</summary>
    public bool IsEcho => Name.StartsWith("oa_send_", StringComparison.Ordinal);

    /// <summary>A chat with someone who has not followed the OA. The consultation API VssBot
    /// sends with refuses replies to them (-213), and the anonymous-chat API is not built:
    /// these are not answered (README, Zalo).</summary>
    public bool IsAnonymous => Name.StartsWith("anonymous_", StringComparison.Ordinal);

    /// <summary>A person writing or acting: the only events VssBot records and answers.</summary>
    public bool IsFromPerson => FromPerson.Contains(Name);

    /// <summary>An event name that no list here knows (Zalo adds some over time).</summary>
    public bool IsUnknown => !IsFromPerson && !IsEcho && !IsAnonymous && !NotAPersonWriting.Contains(Name);

    public static ZaloEvent? Parse(JsonNode? node)
    {
        if (node?["event_name"]?.GetValue<string>() is not { } name)
        {
            return null;
        }

        var user = name is Follow or Unfollow ? Str(node["follower"]?["id"]) : Str(node["sender"]?["id"]);
        var message = node["message"];
        var attachments = (message?["attachments"] as JsonArray ?? [])
            .Select(a => new ZaloAttachment(Str(a?["type"]) ?? "", Str(a?["payload"]?["url"]), Str(a?["payload"]?["name"]), Str(a?["payload"]?["type"])))
            .ToList();
        return new ZaloEvent(name, user, Str(message?["msg_id"]), Str(node["timestamp"]) ?? "", Str(message?["text"]), attachments, Str(node["info"]?["phone"]));
    }

    // Zalo sends some ids and the timestamp as strings and some as numbers: both read as text.
    private static string? Str(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        JsonValue value when value.TryGetValue<long>(out var n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        JsonValue value when value.TryGetValue<decimal>(out var d) => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };
}

/// <summary>An attachment of a message: an image or file by URL.</summary>
public sealed record ZaloAttachment(string Type, string? Url, string? Name, string? FileType);
