using System.Net;
using System.Text.Json.Nodes;
using VssBot.IntegrationTests.Support;
using static VssBot.IntegrationTests.Support.FakeZaloApi;

namespace VssBot.IntegrationTests.Zalo;

/// <summary>
/// An operator who ticks every event in the OA's webhook settings: VssBot answers people, not
/// events. The payloads follow the shapes in Zalo's Official Account webhook documentation
/// (developers.zalo.me, "Webhook" → user and OA events, tag events, ZNS delivery receipt
/// "user_received_message" with message.delivery_time and tracking_id; seen receipts carry
/// msg_ids; follow carries follower and source; tag events carry oa_id and tag.user_ids),
/// as listed in shared/domain.md. Signed as Zalo signs them.
/// </summary>
public sealed class ZaloEventTests
{
    private const string User = "5829104738291047382910";
    private const string Oa = "2939045690000000001";

    private static JsonObject Envelope(string name, JsonObject from, JsonObject to, JsonObject? message = null)
    {
        var e = new JsonObject
        {
            ["app_id"] = AppId, ["event_name"] = name, ["sender"] = from, ["recipient"] = to,
            ["user_id_by_app"] = "552177279717587730", ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (message is not null)
        {
            e["message"] = message;
        }

        return e;
    }

    private static JsonObject Person => new() { ["id"] = User };
    private static JsonObject OaId => new() { ["id"] = Oa };

    /// <summary>Every documented event that is not a person writing, about this person.</summary>
    private static IEnumerable<JsonObject> NotAPersonWriting(string lastOaMessage) =>
    [
        Envelope("user_received_message", OaId, Person, new JsonObject { ["msg_id"] = lastOaMessage, ["delivery_time"] = "1602960467432", ["tracking_id"] = "vssbot-1" }),
        Envelope("user_seen_message", OaId, Person, new JsonObject { ["msg_ids"] = new JsonArray(lastOaMessage) }),
        Envelope("user_seen_message", Person, OaId, new JsonObject { ["msg_ids"] = new JsonArray(lastOaMessage) }),
        Envelope("user_reacted_message", Person, OaId, new JsonObject { ["msg_id"] = lastOaMessage, ["react_icon"] = "/-heart" }),
        Envelope("oa_reacted_message", OaId, Person, new JsonObject { ["msg_id"] = "m-1", ["react_icon"] = "/-strong" }),
        Envelope("oa_send_text", new JsonObject { ["id"] = Oa, ["admin_id"] = "1234" }, Person, new JsonObject { ["msg_id"] = "oa-1", ["text"] = "Chào bạn" }),
        Envelope("oa_send_image", OaId, Person, new JsonObject { ["msg_id"] = "oa-2", ["attachments"] = new JsonArray() }),
        new JsonObject { ["app_id"] = AppId, ["oa_id"] = Oa, ["user_id_by_app"] = "1", ["event_name"] = "add_user_to_tag", ["tag"] = new JsonObject { ["user_ids"] = new JsonArray(User), ["name"] = "phu-huynh" }, ["timestamp"] = "15503500848" },
        new JsonObject { ["app_id"] = AppId, ["oa_id"] = Oa, ["user_id_by_app"] = "1", ["event_name"] = "remove_user_from_tag", ["tag"] = new JsonObject { ["user_ids"] = new JsonArray(User), ["name"] = "phu-huynh" }, ["timestamp"] = "15503500849" },
        new JsonObject { ["app_id"] = AppId, ["oa_id"] = Oa, ["event_name"] = "remove_tag", ["tag"] = new JsonObject { ["name"] = "phu-huynh" }, ["timestamp"] = "15503500850" },
        Envelope("update_user_info", Person, OaId),
        Envelope("widget_interaction_accepted", Person, OaId),
        Envelope("user_click_chatnow", Person, OaId),
        Envelope("anonymous_send_text", new JsonObject { ["id"] = "anon-7f3a" }, OaId, new JsonObject { ["msg_id"] = "an-1", ["text"] = "cho hỏi", ["conversation_id"] = "c-1" }),
        Envelope("a_future_event_zalo_adds", Person, OaId, new JsonObject { ["msg_id"] = "f-1" }),
    ];

    [Fact]
    public async Task ReceiptsEchoesTagsAndOtherEventsAreNeverAnsweredAndMakeNoLoop()
    {
        await using var host = await ZaloHost.StartAsync();
        await host.SendAsync(Follow(User));
        await host.SayAsync(User, "1");

        // Every event about what VssBot sent, and every other documented event: 200, nothing more.
        var sent = host.Api.To(User).Count;
        for (var round = 0; round < 3; round++) // what a receipt loop would look like: receipts for receipts
        {
            foreach (var e in NotAPersonWriting("msg-" + round))
            {
                var response = await PostAsync(host.Http, e);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }

        // The person writes: only that is answered, and it is the next message they get.
        var reply = await host.SayAsync(User, "Tôi đồng ý");
        Assert.Contains("Bước 1", TextOf(reply));
        Assert.Equal(sent + 1, host.Api.To(User).Count);
        Assert.DoesNotContain(host.Api.To(User), m => TextOf(m.Message).Contains("Mình chỉ đọc được tin nhắn chữ"));
        Assert.Empty(host.Api.To("anon-7f3a")); // an anonymous chat is not answered through the follower API (-213)
    }
}
