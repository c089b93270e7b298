using Microsoft.Extensions.DependencyInjection;
using VssBot.IntegrationTests.Support;
using VssBot.Storage;
using static VssBot.IntegrationTests.Support.FakeZaloApi;

namespace VssBot.IntegrationTests.Zalo;

/// <summary>A Zalo conversation handed off is mirrored into the Telegram staff group like any
/// other: a topic opens, staff claim and answer there, and the answer reaches the Zalo user.</summary>
public sealed class ZaloStaffGroupTests
{
    private const long Group = -1001234567891;
    private const long Staff = 556;
    private const string User = "4783512093847561000077";

    [Fact]
    public async Task TheTelegramStaffGroupAnswersAZaloUser()
    {
        await using var telegram = await FakeBotApi.StartAsync();
        var settings = TelegramHost.Settings(telegram.Url);
        settings["Telegram:StaffChatId"] = Group.ToString();
        settings["Telegram:StaffChatIntervalMs"] = "0";
        await using var host = await ZaloHost.StartAsync(settings);
        var account = await TestStaff.AddAsync(host.Factory.Services, "huyen", OfficeHost.Password, ["hp-ngo-quyen"], admin: true, displayName: "Huyền");
        account.TelegramUserId = Staff;
        await host.Factory.Services.GetRequiredService<LiteDbStore>().SaveStaffAsync(account);

        await host.SendAsync(Follow(User));
        foreach (var text in new[] { "1", "đồng ý", "0123456789", "Lê Văn Tám", "gặp nhân viên" })
        {
            await host.SayAsync(User, text);
        }

        Assert.Contains("hàng chờ", TextOf(await host.SayAsync(User, "có")));
        var opened = await Poll.UntilAsync(() => telegram.To(Group).FirstOrDefault(m => m.Text.Contains("Yêu cầu hỗ trợ")), TimeSpan.FromSeconds(15), () => "no topic opened");
        Assert.Contains("zalo", opened.Text);
        var thread = opened.ThreadId!.Value;

        var before = host.Api.To(User).Count;
        telegram.SendToTopic(Group, thread, Staff, "Huyền", "/claim");
        Assert.Contains("Cán bộ Huyền đã tham gia", TextOf(await host.Api.WaitForMessageAsync(User, before)));
        before = host.Api.To(User).Count;
        telegram.SendToTopic(Group, thread, Staff, "Huyền", "Em chọn Căn cước công dân nhé");
        Assert.Contains("👤 Huyền: Em chọn Căn cước công dân nhé", TextOf(await host.Api.WaitForMessageAsync(User, before)));

        // And the Zalo user's words reach the topic.
        await PostAsync(host.Http, Text(User, "em cảm ơn chị"));
        await Poll.UntilAsync(() => telegram.To(Group).FirstOrDefault(m => m.ThreadId == thread && m.Text.Contains("em cảm ơn chị")), TimeSpan.FromSeconds(15), () => "not mirrored");
    }
}
