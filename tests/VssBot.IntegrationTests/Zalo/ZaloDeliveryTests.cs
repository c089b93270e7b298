using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using VssBot.IntegrationTests.Support;
using VssBot.IntegrationTests.Units;
using VssBot.Storage;
using static VssBot.IntegrationTests.Support.FakeZaloApi;

namespace VssBot.IntegrationTests.Zalo;

/// <summary>Getting messages to Zalo users against the stand-in: an expired token refreshed
/// exactly once (also when two sends find it expired at once, the single-use refresh token
/// used once); -230 holding a reply until the person writes again; -32 pausing, not dropping;
/// a person answered from the staff console, text and photo.</summary>
public sealed class ZaloDeliveryTests
{
    private const string An = "4783512093847561000001";
    private const string Binh = "4783512093847561000002";

    [Fact]
    public async Task AnExpiredTokenIsRefreshedExactlyOnceEvenWhenTwoSendsFindItExpired()
    {
        await using var host = await ZaloHost.StartAsync();
        await host.SendAsync(Follow(An));
        await host.SendAsync(Follow(Binh));

        host.Api.ExpireAccessToken();
        // Two people write at once: both sends meet -216; one refresh serves both.
        var an = host.SayAsync(An, "trợ giúp");
        var binh = host.SayAsync(Binh, "trợ giúp");
        await Task.WhenAll(an, binh);
        Assert.Equal(1, host.Api.Refreshes);
        Assert.Equal(0, host.Api.RefusedRefreshes); // the rotated refresh token was never reused

        // The new pair is stored (the encrypted store) and used from then on.
        var stored = host.Factory.Services.GetRequiredService<LiteDbStore>().Secret("zalo:tokens")!;
        Assert.Contains("access-2", stored);
        Assert.Contains("refresh-2", stored);
        await host.SayAsync(An, "menu");
        Assert.Equal(1, host.Api.Refreshes);
        Assert.Equal("{\"status\":\"ok\"}", await host.Http.GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task ARefreshThatFailsKeepsMessagesWaitingAndSaysSoOnHealthz()
    {
        await using var host = await ZaloHost.StartAsync(new() { ["Zalo:RefreshToken"] = "refresh-da-dung" });
        await host.SendAsync(Follow(An));
        host.Api.ExpireAccessToken();
        var before = host.Api.To(An).Count;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host.Http, Text(An, "trợ giúp"))).StatusCode);
        var store = host.Factory.Services.GetRequiredService<LiteDbStore>();
        await Until(() => host.Api.RefusedRefreshes > 0);
        await Until(async () => (await host.Http.GetStringAsync("/healthz")).Contains("degraded"));
        Assert.Contains("degraded", await host.Http.GetStringAsync("/readyz"));
        Assert.Equal(before, host.Api.To(An).Count);
        Assert.Contains(store.PendingOutbox("zalo", 10), m => m.Address == An && m.FailedReason is null);
    }

    [Fact]
    public async Task AReplyOutsideTheWindowWaitsUntilThePersonWritesAgainAndRateLimitsPause()
    {
        await using var host = await ZaloHost.StartAsync();
        await host.SendAsync(Follow(An));
        var store = host.Factory.Services.GetRequiredService<LiteDbStore>();

        // Zalo says the person has not interacted lately: the reply waits, marked.
        host.Api.NoInteraction.Add(An);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(host.Http, Text(An, "trợ giúp"))).StatusCode);
        await Until(() => store.PendingOutbox("zalo", 10).Any(m => m.Address == An && m.WaitingForPerson));
        var heldText = store.PendingOutbox("zalo", 10).First(m => m.WaitingForPerson).Text;
        var waiting = host.Api.To(An).Count;

        // They write again: what waited goes first, then the new answer.
        host.Api.NoInteraction.Remove(An);
        await PostAsync(host.Http, Text(An, "menu"));
        var held = await host.Api.WaitForMessageAsync(An, waiting);
        Assert.StartsWith(heldText, TextOf(held));
        await host.Api.WaitForMessageAsync(An, waiting + 1);
        await Until(() => !store.PendingOutbox("zalo", 10).Any(m => m.Address == An)); // marked sent once Zalo accepted it

        // -32: sending pauses and goes on; nothing is dropped.
        host.Api.Refuse32Count = 2;
        var before = host.Api.To(An).Count;
        await PostAsync(host.Http, Text(An, "trợ giúp"));
        await host.Api.WaitForMessageAsync(An, before, TimeSpan.FromSeconds(20));
        Assert.Equal(0, host.Api.Refuse32Count);
    }

    [Fact]
    public async Task AZaloUserAskingForAPersonIsAnsweredFromTheConsole()
    {
        await using var host = await ZaloHost.StartAsync();
        await host.SendAsync(Follow(An));
        foreach (var text in new[] { "1", "đồng ý", "0123456789", "Đỗ Thị Mai", "cccd", "031190001234", "05/03/1990", "Hải Phòng", "gặp nhân viên" })
        {
            await host.SayAsync(An, text);
        }

        Assert.Contains("hàng chờ", TextOf(await host.SayAsync(An, "có")));
        var store = host.Factory.Services.GetRequiredService<LiteDbStore>();
        await TestStaff.AddAsync(host.Factory.Services, "huyen", OfficeHost.Password, ["hp-ngo-quyen"], displayName: "Huyền");
        var conversation = store.LinkedConversation($"zalo:{An}")!;
        var staff = await UnitCampaignTestsSupport.SignInAsync(host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), "huyen");
        Assert.Contains(conversation, await staff.GetStringAsync("/staff/queue"));

        var before = host.Api.To(An).Count;
        Assert.Equal(HttpStatusCode.Redirect, (await UnitCampaignTestsSupport.PostAsync(staff, $"/staff/conversations/{conversation}/claim")).StatusCode);
        Assert.Contains("Cán bộ Huyền đã tham gia", TextOf(await host.Api.WaitForMessageAsync(An, before)));

        var token = await OfficeHost.TokenAsync(staff, "/staff");
        // Nothing to send: a kind word (from dialogs/), nothing goes to the person.
        using (var empty = new MultipartFormDataContent { { new StringContent("  "), "text" }, { new StringContent(token), "__RequestVerificationToken" } })
        {
            var refused = await staff.PostAsync($"/staff/conversations/{conversation}/messages", empty);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.StartsWith("Tin nhắn trống", (await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("message").GetString());
        }

        before = host.Api.To(An).Count;
        var picture = new ByteArrayContent(TestImages.Jpeg());
        picture.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        using var withPhoto = new MultipartFormDataContent { { new StringContent("Mẫu ảnh CCCD đúng chiều"), "text" }, { picture, "photo", "mau.jpg" }, { new StringContent(token), "__RequestVerificationToken" } };
        Assert.Equal(HttpStatusCode.NoContent, (await staff.PostAsync($"/staff/conversations/{conversation}/messages", withPhoto)).StatusCode);
        var sent = await host.Api.WaitForMessageAsync(An, before);
        Assert.Equal("media", sent["attachment"]?["payload"]?["template_type"]?.ToString());
        Assert.Contains("👤 Huyền: Mẫu ảnh CCCD đúng chiều", TextOf(sent));
        Assert.True(host.Api.Uploads >= 1);

        // The conversation's page says nothing of a window while the person wrote lately.
        Assert.DoesNotContain("ngoài khung 48 giờ", WebUtility.HtmlDecode(await staff.GetStringAsync($"/staff/conversations/{conversation}")));
    }

    [Fact]
    public void StaffAreToldWhenAZaloConversationIsPastTheReplyWindowAndRemindersKeepTheSevenDays()
    {
        using var data = new TempFolder("zalo-notice");
        using var factory = new VssBotFactory(data.Path);
        var notice = factory.Services.GetServices<VssBot.Core.Conversations.IChannelNotice>().Single();
        var now = DateTimeOffset.UtcNow;
        var zalo = new VssBot.Core.Engine.Conversation { Channel = "zalo", HeardAt = now.AddHours(-49) };
        Assert.Contains("ngoài khung 48 giờ", notice.NoticeFor(zalo, now));
        Assert.Null(notice.NoticeFor(new VssBot.Core.Engine.Conversation { Channel = "zalo", HeardAt = now.AddHours(-47) }, now));
        Assert.Null(notice.NoticeFor(new VssBot.Core.Engine.Conversation { Channel = "telegram", HeardAt = now.AddDays(-5) }, now));

        // Reminders reach a Zalo user only within 7 days of their last message.
        var window = factory.Services.GetServices<VssBot.Core.Conversations.IChannelWindow>().Single();
        Assert.True(window.CanReach(new VssBot.Core.Engine.Conversation { Channel = "zalo", HeardAt = now.AddDays(-6) }, now));
        Assert.False(window.CanReach(new VssBot.Core.Engine.Conversation { Channel = "zalo", HeardAt = now.AddDays(-8) }, now));
        Assert.True(window.CanReach(new VssBot.Core.Engine.Conversation { Channel = "telegram", HeardAt = now.AddDays(-30) }, now));
    }

    // Waits for a state the server reaches on its own (a background send), with a deadline.
    private static Task Until(Func<bool> done) => Poll.UntilAsync(done, TimeSpan.FromSeconds(15), "the state was not reached within 15 s");

    private static Task Until(Func<Task<bool>> done) => Poll.UntilAsync(done, TimeSpan.FromSeconds(15), "the state was not reached within 15 s");
}
