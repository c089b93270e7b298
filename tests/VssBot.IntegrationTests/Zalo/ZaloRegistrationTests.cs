using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VssBot.IntegrationTests.Support;
using VssBot.Storage;
using static VssBot.IntegrationTests.Support.FakeZaloApi;

namespace VssBot.IntegrationTests.Zalo;

/// <summary>A citizen on Zalo, over the real HTTP pipeline against the local stand-in: from
/// "Quan tâm" to the dossier reference with buttons, three photos from Zalo's CDN and the
/// phone shared with one tap; forged and retried events.</summary>
public sealed class ZaloRegistrationTests
{
    // Zalo's user ids exceed 2^53: kept as strings.
    private const string User = "4783512093847561234567";

    [Fact]
    public async Task ACitizenRegistersFromFollowToTheReferenceAndSharesTheirPhoneWithOneTap()
    {
        await using var host = await ZaloHost.StartAsync();
        var greeting = await host.SendAsync(Follow(User));
        Assert.Contains("Xin chào", TextOf(greeting));
        // Six menu items: more than Zalo's five buttons, so a numbered list to type.
        Assert.Contains("1. ", TextOf(greeting));
        Assert.Contains("gõ số", TextOf(greeting));

        var consent = await host.SayAsync(User, "1");
        Assert.Contains("Trước khi bắt đầu", TextOf(consent));
        Assert.Contains("Tôi đồng ý", Buttons(consent));
        await host.SayAsync(User, "Tôi đồng ý"); // a tapped oa.query.show button comes back as this text
        foreach (var answer in new[] { "DN4010123456789", "nguyen van an", "cccd", "001090001234", "05/03/1990", "ha noi", "ba dinh" })
        {
            await host.SayAsync(User, answer);
        }

        // The phone step: its text, then the "share your phone number" card.
        var before = host.Api.To(User).Count;
        await host.SayAsync(User, "số 12 cầu diễn");
        var card = await host.Api.WaitForMessageAsync(User, before + 1);
        Assert.Equal("request_user_info", card["attachment"]?["payload"]?["template_type"]?.ToString());
        Assert.Equal("https://vssbot.example.vn/zalo/share-phone.png", card["attachment"]!["payload"]!["elements"]![0]!["image_url"]!.ToString());
        Assert.Contains("e-mail", TextOf(await host.SendAsync(SubmitInfo(User, "84912345678"))));
        await host.SayAsync(User, "bỏ qua");

        // Three photos, as Zalo delivers them: a URL on its CDN.
        for (var i = 0; i < 3; i++)
        {
            await host.SendAsync(Image(User, host.Api.Host($"anh-{i}.jpg", TestImages.Jpeg())));
        }

        var review = await host.SayAsync(User, "Đống Đa");
        Assert.Contains("0912345678 (đã xác minh chủ số)", TextOf(review));
        var done = await host.SayAsync(User, "Gửi hồ sơ");
        Assert.Contains("Mã hồ sơ của bạn: VB-", TextOf(done));

        // Form 01 follows as a file (uploaded, then a file attachment); replies name the message they answer.
        var file = await host.Api.WaitForMessageAsync(User, host.Api.To(User).FindIndex(m => m.Message == done) + 1);
        Assert.Equal("file", file["attachment"]?["type"]?.ToString());
        Assert.Contains(host.Api.To(User), m => m.ReplyTo is not null);
        var store = host.Factory.Services.GetRequiredService<LiteDbStore>();
        var dossier = Assert.Single(store.AllDossiers());
        Assert.Equal(3, dossier.PhotoKeys.Count);
        Assert.Equal("zalo", store.FindConversation(dossier.ConversationId)!.Channel);

        // A sticker gets a kind word and the step again.
        Assert.Contains("chỉ đọc được tin nhắn chữ", TextOf(await host.SendAsync(Sticker(User))));
    }

    [Fact]
    public async Task AForgedOrMissingSignatureIsRefusedAndARetriedEventIsHandledOnce()
    {
        await using var host = await ZaloHost.StartAsync();
        var store = host.Factory.Services.GetRequiredService<LiteDbStore>();
        var forged = await PostAsync(host.Http, Follow(User), signature: new string('0', 64));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        using (var unsigned = new HttpRequestMessage(HttpMethod.Post, "/zalo/webhook") { Content = new StringContent(Follow(User).ToJsonString()) })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.SendAsync(unsigned)).StatusCode);
        }

        // A body changed after signing: the same signature no longer matches.
        var e = Text(User, "xin chào");
        var body = System.Text.Encoding.UTF8.GetBytes(e.ToJsonString());
        var mac = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([.. System.Text.Encoding.UTF8.GetBytes(AppId), .. body, .. System.Text.Encoding.UTF8.GetBytes(e["timestamp"]!.ToString()), .. System.Text.Encoding.UTF8.GetBytes(OaSecretKey)]));
        e["message"]!["text"] = "đã sửa";
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(host.Http, e, mac)).StatusCode);
        Assert.Empty(store.PendingUpdates("zalo"));
        Assert.Null(store.LinkedConversation("zalo:" + User));

        // Zalo retries an event: the same msg_id is answered 200 and handled once.
        await host.SendAsync(Follow(User));
        var hello = Text(User, "trợ giúp", msgId: "msg-retried-1");
        await host.SendAsync(hello);
        var count = host.Api.To(User).Count;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host.Http, hello)).StatusCode);
        await host.SayAsync(User, "menu"); // the next message's answer comes next: the retry made none
        Assert.Equal(count + 1, host.Api.To(User).Count);
    }
}
