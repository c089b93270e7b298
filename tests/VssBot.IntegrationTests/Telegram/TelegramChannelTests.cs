using VssBot.Core.Engine;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using VssBot.IntegrationTests.Support;
using VssBot.Storage;

namespace VssBot.IntegrationTests.Telegram;

public sealed class TelegramChannelTests
{
    /// <summary>Takes a chat to the portrait step (photos next).</summary>
    private static async Task ToPhotosAsync(TelegramHost host, long chat)
    {
        await host.SayAsync(chat, "/start");
        foreach (var answer in new[] { "1", "đồng ý", "0123456789", "Nguyễn Văn An", "cccd", "001090001234", "05/03/1990", "ha noi", "ba dinh", "so 12 cau dien", "0912345678", "bỏ qua" })
        {
            await host.SayAsync(chat, answer);
        }
    }

    [Fact]
    public async Task AnAlbumFillsTheNextPhotoStepsInOrderAndIsAnsweredOnce()
    {
        await using var host = await TelegramHost.StartAsync();
        const long chat = 710001;
        await ToPhotosAsync(host, chat);
        var before = host.Api.To(chat).Count;

        host.Api.SendPhoto(chat, TestImages.Jpeg(400, 600, SkiaSharp.SKColors.Red), album: "album-1");
        host.Api.SendPhoto(chat, TestImages.Jpeg(400, 600, SkiaSharp.SKColors.Green), album: "album-1");
        host.Api.SendPhoto(chat, TestImages.Jpeg(400, 600, new SkiaSharp.SKColor(60, 120, 255)), album: "album-1");
        var reply = await host.Api.WaitForMessageAsync(chat, before);

        Assert.Contains("Bước 14", reply.Text); // the office: all three photo steps filled
        // Answered once: a later message's answer comes next (one chat's messages are answered in order).
        var help = await host.SayAsync(chat, "trợ giúp");
        Assert.Equal(before + 2, host.Api.To(chat).Count);
        Assert.NotSame(reply, help);
        var store = host.Factory.Services.GetRequiredService<LiteDbStore>();
        var conversation = store.FindConversation(store.LinkedConversation($"telegram:{chat}")!)!;
        var colours = new[] { "portrait", "id_front", "id_back" }
            .Select(step => TestImages.CornerColour(store.Photo(conversation.Answers[step].Value)!))
            .ToList();
        Assert.True(colours[0].Red > 200 && colours[0].Green < 80, $"portrait {colours[0]}");
        Assert.True(colours[1].Green > 100 && colours[1].Red < 80, $"front {colours[1]}");
        Assert.True(colours[2].Blue > 200 && colours[2].Red < 80, $"back {colours[2]}");

        // The menu's commands say what the typed words say.
        Assert.Equal(help.Text, (await host.SayAsync(chat, "/help")).Text);
        var cancel = await host.SayAsync(chat, "/cancel");
        await host.SayAsync(chat, "không hủy");
        Assert.Equal(cancel.Text, (await host.SayAsync(chat, "hủy")).Text);
        Assert.NotEqual(help.Text, cancel.Text);
    }

    [Fact]
    public async Task SomeoneElsesContactIsRefusedAndTypingStillWorks()
    {
        await using var host = await TelegramHost.StartAsync();
        const long chat = 710002;
        await host.SayAsync(chat, "/start");
        foreach (var answer in new[] { "1", "đồng ý", "0123456789", "Nguyễn Văn An", "cccd", "001090001234", "05/03/1990", "ha noi", "ba dinh", "so 12 cau dien" })
        {
            await host.SayAsync(chat, answer);
        }

        var before = host.Api.To(chat).Count;
        host.Api.ShareContact(chat, "+84987654321", ownerUserId: 999);
        var refused = await host.Api.WaitForMessageAsync(chat, before);
        Assert.Contains("của người khác", refused.Text);
        Assert.True(refused.AsksForContact);

        var typed = await host.SayAsync(chat, "0912 345 678");
        Assert.Contains("e-mail", typed.Text);
        var store = host.Factory.Services.GetRequiredService<LiteDbStore>();
        var conversation = store.FindConversation(store.LinkedConversation($"telegram:{chat}")!)!;
        Assert.Equal("0912345678", conversation.Answers["phone"].Display);
    }

    [Fact]
    public async Task AnUpdateDeliveredTwiceIsHandledOnce()
    {
        await using var host = await TelegramHost.StartAsync();
        const long chat = 710003;
        await host.SayAsync(chat, "/start");
        var before = host.Api.To(chat).Count;
        var update = host.Api.SendText(chat, "1");
        await host.Api.WaitForMessageAsync(chat, before);

        host.Api.Redeliver(update);
        await host.SayAsync(chat, "đồng ý"); // a later message is answered, so the duplicate was seen before it

        var store = host.Factory.Services.GetRequiredService<LiteDbStore>();
        var transcript = store.Transcript(store.LinkedConversation($"telegram:{chat}")!, 0);
        Assert.Single(transcript, t => t.From == Sender.User && t.Text == "1");
        Assert.Equal(before + 2, host.Api.To(chat).Count);
    }

    [Fact]
    public async Task A429IsObeyedAndTheMessageStillArrives()
    {
        await using var host = await TelegramHost.StartAsync();
        const long chat = 710004;
        await host.SayAsync(chat, "/start");
        host.Api.Refuse429Count = 1;
        host.Api.RetryAfterSeconds = 2;
        var sentAt = DateTimeOffset.UtcNow;

        var reply = await host.SayAsync(chat, "1");

        Assert.Contains("Trước khi bắt đầu", reply.Text);
        Assert.Equal(1, host.Api.TooManyRequestsAnswered);
        Assert.True(reply.At - sentAt >= TimeSpan.FromSeconds(1.9), $"sent after {(reply.At - sentAt).TotalSeconds:F2} s");
    }

    [Fact]
    public async Task StickersAndOtherContentGetAKindMessageAndNothingIsLost()
    {
        await using var host = await TelegramHost.StartAsync();
        const long chat = 710005;
        await host.SayAsync(chat, "/start");
        await host.SayAsync(chat, "1");
        var before = host.Api.To(chat).Count;

        host.Api.SendSticker(chat);
        var reply = await host.Api.WaitForMessageAsync(chat, before);

        Assert.Contains("chỉ đọc được tin nhắn chữ", reply.Text);
        Assert.Contains("Tôi đồng ý", reply.InlineButtons.Select(b => b.Label));
    }

    [Fact]
    public async Task AFileOverTwentyMegabytesIsRefusedWithoutDownloading()
    {
        await using var host = await TelegramHost.StartAsync();
        const long chat = 710006;
        await ToPhotosAsync(host, chat);
        var before = host.Api.To(chat).Count;

        host.Api.SendPhoto(chat, TestImages.Jpeg(), size: 25L * 1024 * 1024);
        var reply = await host.Api.WaitForMessageAsync(chat, before);

        Assert.Contains("20 MB", reply.Text);
        Assert.DoesNotContain(host.Api.Calls, c => c.Method == "getFile");
    }

    [Fact]
    public async Task TwoChatsAtOnceAreEachAnsweredInOrder()
    {
        await using var host = await TelegramHost.StartAsync();
        const long first = 720001, second = 720002;
        foreach (var text in new[] { "/start", "1", "đồng ý", "0123456789" })
        {
            host.Api.SendText(first, text);
            host.Api.SendText(second, text);
        }

        foreach (var chat in new[] { first, second })
        {
            await host.Api.WaitForMessageAsync(chat, 3);
            var texts = host.Api.To(chat).Select(m => m.Text).ToList();
            Assert.Contains("Xin chào", texts[0]);
            Assert.Contains("Trước khi bắt đầu", texts[1]);
            Assert.Contains("Bước 1", texts[2]);
            Assert.Contains("Bước 2", texts[3]);
        }
    }

    [Fact]
    public async Task TheWebhookRefusesACallWithoutTheRightSecret()
    {
        await using var host = await TelegramHost.StartAsync(new()
        {
            ["Telegram:WebhookUrl"] = "https://vssbot.example/telegram/webhook",
            ["Telegram:WebhookSecret"] = "s3cret-for-tests",
        });
        var http = host.Factory.CreateClient();
        await Poll.UntilAsync(() => host.Api.Calls.Any(c => c.Method == "setWebhook"), TimeSpan.FromSeconds(10), "setWebhook was not called");

        var registered = host.Api.Calls.First(c => c.Method == "setWebhook").Body;
        Assert.Equal("https://vssbot.example/telegram/webhook", (string)registered["url"]!);
        Assert.Equal("s3cret-for-tests", (string)registered["secret_token"]!);
        Assert.DoesNotContain(host.Api.Calls, c => c.Method == "getUpdates");

        const long chat = 730001;
        var update = host.Api.SendText(chat, "/start");
        var json = host.Api.UpdateJson(update);
        async Task<HttpStatusCode> Post(string? secret)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            if (secret is not null)
            {
                request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
            }

            return (await http.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await Post(null));
        Assert.Equal(HttpStatusCode.Unauthorized, await Post("s3cret-for-tests-not"));
        Assert.Empty(host.Api.To(chat));
        Assert.Equal(HttpStatusCode.OK, await Post("s3cret-for-tests"));
        Assert.Contains("Xin chào", (await host.Api.WaitForMessageAsync(chat, 0)).Text);
        Assert.Equal(HttpStatusCode.OK, await Post("s3cret-for-tests")); // Telegram retrying: answered, not handled again
        // A new update's answer comes after any answer to the retry would have: there is none.
        json = host.Api.UpdateJson(host.Api.SendText(chat, "menu"));
        Assert.Equal(HttpStatusCode.OK, await Post("s3cret-for-tests"));
        await host.Api.WaitForMessageAsync(chat, 1);
        Assert.Equal(2, host.Api.To(chat).Count);
    }
}
