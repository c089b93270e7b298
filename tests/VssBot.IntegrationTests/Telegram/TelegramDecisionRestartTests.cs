using System.Net;
using System.Text.RegularExpressions;
using VssBot.IntegrationTests.Support;

namespace VssBot.IntegrationTests.Telegram;

/// <summary>A staff decision made while Telegram refuses messages, then the process killed:
/// the decision and its message to the citizen were one commit, so the restarted process
/// delivers it, once.</summary>
[Collection(SeparateProcesses.Name)]
public sealed partial class TelegramDecisionRestartTests
{
    private const long Chat = 760001;

    [Fact]
    public async Task ADecisionMadeJustBeforeAKillReachesTheCitizenAfterTheRestartOnce()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var data = new TempFolder("decision-kill");
        await SecurityHost.AddStaffAsync(data.Path, "hn", "hn-dong-da");
        var settings = TelegramHost.Settings(api.Url).Select(s => $"--{s.Key}={s.Value}").ToArray();

        var first = await VssBotProcess.StartAsync(data.Path, settings);
        var reference = await RegisterAsync(api);
        // Form 01 follows the reference; let it go before Telegram closes.
        await Poll.UntilAsync(() => api.Documents.Count > 0, TimeSpan.FromSeconds(30), "form 01 was not sent");

        api.Refuse429Count = 1_000_000;
        var refusedBefore = api.TooManyRequestsAnswered;
        using (var staff = new StaffBrowser(first.Http.BaseAddress!))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await staff.LoginAsync("hn", SecurityHost.Password)).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync($"/staff/dossiers/{reference}/decision", ("decision", "approved"))).StatusCode);
        }

        // The approval was tried and refused: it is in the outbox now.
        await Poll.UntilAsync(() => api.TooManyRequestsAnswered > refusedBefore, TimeSpan.FromSeconds(30), "the approval was never tried");

        Assert.True(api.TooManyRequestsAnswered > refusedBefore, first.Output);
        first.Kill();
        await first.DisposeAsync();
        Assert.DoesNotContain(api.To(Chat), m => m.Text.Contains("đã được duyệt"));

        api.Refuse429Count = 0;
        var count = api.To(Chat).Count;
        await using var second = await VssBotProcess.StartAsync(data.Path, settings);
        var approval = await api.WaitForMessageAsync(Chat, count, TimeSpan.FromSeconds(30));
        Assert.Contains($"Hồ sơ {reference} đã được duyệt", approval.Text);
        // Once: the answer to a new message comes after any repeat would have.
        api.SendText(Chat, "trợ giúp");
        await api.WaitForMessageAsync(Chat, count + 1, TimeSpan.FromSeconds(30));
        Assert.Single(api.To(Chat), m => m.Text.Contains("đã được duyệt"));
    }

    private static async Task<string> RegisterAsync(FakeBotApi api)
    {
        async Task<SentMessage> Say(string text) { var n = api.To(Chat).Count; api.SendText(Chat, text); return await api.WaitForMessageAsync(Chat, n); }
        async Task<SentMessage> Tap(string label) { var n = api.To(Chat).Count; api.Tap(Chat, label); return await api.WaitForMessageAsync(Chat, n); }
        async Task<SentMessage> Photo() { var n = api.To(Chat).Count; api.SendPhoto(Chat, TestImages.Jpeg()); return await api.WaitForMessageAsync(Chat, n); }

        await Say("/start");
        await Tap("Đăng ký VssID cho bản thân");
        await Tap("Tôi đồng ý");
        await Say("DN4010123456789");
        await Say("nguyen van an");
        await Tap("Căn cước công dân (CCCD)");
        await Say("001090001234");
        await Say("05/03/1990");
        await Tap("Hà Nội");
        await Say("ba dinh");
        await Say("số 12 cầu diễn");
        var n = api.To(Chat).Count;
        api.ShareContact(Chat, "+84912345678", ownerUserId: Chat);
        await api.WaitForMessageAsync(Chat, n);
        await Tap("Bỏ qua");
        await Photo();
        await Photo();
        await Photo();
        await Tap("BHXH cơ sở Đống Đa");
        var done = await Tap("Gửi hồ sơ");
        return Reference().Match(done.Text).Value;
    }

    [GeneratedRegex("VB-[A-Z0-9]{10}")]
    private static partial Regex Reference();
}
