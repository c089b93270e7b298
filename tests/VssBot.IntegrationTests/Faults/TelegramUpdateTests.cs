using System.Text.Json.Nodes;
using VssBot.IntegrationTests.Support;

namespace VssBot.IntegrationTests.Faults;

/// <summary>
/// Updates the client library cannot read, or reads wrongly, from the Bot API server (through
/// real long polling against the local server): each is passed over or handled on its own,
/// and never a wall for the other chats. The shapes follow the Bot API documentation's Update,
/// Message, Chat and MessageEntity objects (core.telegram.org/bots/api): Chat.type is required
/// ("private", …), Message.date is an Integer, MessageEntity.type is a string whose values
/// Telegram extends over time (e.g. "blockquote", "expandable_blockquote" in Bot API 7.0/7.3).
/// </summary>
public sealed class TelegramUpdateTests
{
    private const long Person = 740001;
    private const long Other = 740002;

    private static JsonObject TextMessage(long chat, string text, Action<JsonObject>? change = null)
    {
        var message = new JsonObject
        {
            ["message_id"] = 90_000 + Random.Shared.Next(10_000),
            ["from"] = new JsonObject { ["id"] = chat, ["is_bot"] = false, ["first_name"] = "Dân" },
            ["chat"] = new JsonObject { ["id"] = chat, ["type"] = "private", ["first_name"] = "Dân" },
            ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["text"] = text,
        };
        change?.Invoke(message);
        return new JsonObject { ["message"] = message };
    }

    [Fact]
    public async Task AnUpdateTheLibraryCannotReadIsPassedOverAndAnUnknownEnumValueIsStillAnswered()
    {
        await using var host = await TelegramHost.StartAsync();
        await host.SayAsync(Person, "/start");
        await host.SayAsync(Other, "/start");

        // A chat without its type, a date as a string: the library cannot read these.
        host.Api.SendRaw(TextMessage(Person, "xin chào", m => m["chat"]!.AsObject().Remove("type")));
        host.Api.SendRaw(TextMessage(Person, "xin chào", m => m["date"] = "hôm nay"));

        // Everyone else is answered, and so is the same person's next message.
        Assert.Contains("Trước khi bắt đầu", (await host.SayAsync(Other, "1")).Text);
        Assert.Contains("Trước khi bắt đầu", (await host.SayAsync(Person, "1")).Text);

        // An entity type newer than the library (read as its enum's 0): recorded as Telegram
        // sent it, not written again by the library, and the text is answered like any other.
        var before = host.Api.To(Person).Count;
        host.Api.SendRaw(TextMessage(Person, "menu", m => m["entities"] = new JsonArray(new JsonObject { ["type"] = "date_time_2027", ["offset"] = 0, ["length"] = 4 })));
        Assert.Contains("Đăng ký VssID cho bản thân", (await host.Api.WaitForMessageAsync(Person, before)).InlineButtons.Select(b => b.Label));
    }
}
