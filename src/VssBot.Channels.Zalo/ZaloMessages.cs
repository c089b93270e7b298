using System.Text.Json.Nodes;
using VssBot.Core.Conversations;
using VssBot.Core.Engine;

namespace VssBot.Channels.Zalo;

/// <summary>
/// An outbox message as the body of Zalo's /v3.0/oa/message/cs: text; choices as a button
/// template of oa.query.show buttons (at most 5: more become a numbered list to type); the
/// phone step as a request_user_info card; an uploaded photo as a media template; an
/// uploaded file as a file attachment. A reply names the message it answers.
/// </summary>
internal static class ZaloMessages
{
    public const int MaxText = 2000;
    public const int MaxButtons = 5;

    public static JsonObject Text(OutboxMessage message, ZaloTexts texts)
    {
        var body = new JsonObject();
        if (message.Choices.Count is > 0 and <= MaxButtons)
        {
            body["text"] = message.Text;
            body["attachment"] = new JsonObject
            {
                ["type"] = "template",
                ["payload"] = new JsonObject
                {
                    ["buttons"] = new JsonArray([.. message.Choices.Select(c => (JsonNode)new JsonObject
                    {
                        ["title"] = c.Length > 100 ? c[..100] : c,
                        ["type"] = "oa.query.show",
                        ["payload"] = c,
                    })]),
                },
            };
        }
        else if (message.Choices.Count > MaxButtons)
        {
            var list = string.Join("\n", message.Choices.Select((c, i) => $"{i + 1}. {c}"));
            body["text"] = $"{message.Text}\n\n{list}\n{texts["zalo_type_number"]}";
        }
        else
        {
            body["text"] = message.Text;
        }

        return Wrap(message, body);
    }

    public static JsonObject PhoneRequest(OutboxMessage message, ZaloTexts texts, string imageUrl) => Wrap(message, new JsonObject
    {
        ["attachment"] = new JsonObject
        {
            ["type"] = "template",
            ["payload"] = new JsonObject
            {
                ["template_type"] = "request_user_info",
                ["elements"] = new JsonArray(new JsonObject
                {
                    ["title"] = texts["zalo_share_phone_title"],
                    ["subtitle"] = texts["zalo_share_phone_subtitle"],
                    ["image_url"] = imageUrl,
                }),
            },
        },
    });

    public static JsonObject Photo(OutboxMessage message, string attachmentId) => Wrap(message, new JsonObject
    {
        ["text"] = message.Text,
        ["attachment"] = new JsonObject
        {
            ["type"] = "template",
            ["payload"] = new JsonObject
            {
                ["template_type"] = "media",
                ["elements"] = new JsonArray(new JsonObject { ["media_type"] = "image", ["attachment_id"] = attachmentId }),
            },
        },
    });

    public static JsonObject File(OutboxMessage message, string token) => Wrap(message, new JsonObject
    {
        ["attachment"] = new JsonObject { ["type"] = "file", ["payload"] = new JsonObject { ["token"] = token } },
    });

    private static JsonObject Wrap(OutboxMessage message, JsonObject content)
    {
        var recipient = new JsonObject { ["user_id"] = message.Address };
        if (message.ReplyTo is { } answered)
        {
            recipient["message_id"] = answered;
        }

        return new JsonObject { ["recipient"] = recipient, ["message"] = content };
    }

    /// <summary>The phone step's card goes as its own message after the text.</summary>
    public static bool IsPhoneRequest(OutboxMessage message) => message.Expects == Expects.Phone && message.Text.Length == 0;
}
