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

    /// <summary>Events the person can send that carry nothing VssBot reads.</summary>
    public static readonly HashSet<string> Unsupported = ["user_send_sticker", "user_send_audio", "user_send_video", "user_send_location", "user_send_gif", "user_send_link", "user_send_business_card"];

    /// <summary>The OA's own messages echoed back (sent by VssBot or an OA admin): ignored.</summary>
    public bool IsEcho => Name.StartsWith("oa_send_", StringComparison.Ordinal);

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
