using Microsoft.Extensions.DependencyInjection;
using VssBot.IntegrationTests.Support;

namespace VssBot.IntegrationTests.Telegram;

public sealed class TelegramStaffGroupTests
{
    private const long Group = -1001234567890;
    private const long Citizen = 760001;
    private const long Staff = 555;

    [Fact]
    public async Task AHandedOffConversationGetsATopicMirroredBothWaysWithClaimAndRelease()
    {
        await using var host = await TelegramHost.StartAsync(new() { ["Telegram:StaffChatId"] = Group.ToString(), ["Telegram:StaffChatIntervalMs"] = "0" });
        await LinkAsync(host, "huyen", Staff, admin: true);
        var api = host.Api;
        foreach (var text in new[] { "/start", "1", "đồng ý", "0123456789", "Lê Văn Tám" })
        {
            await host.SayAsync(Citizen, text);
        }

        await host.SayAsync(Citizen, "gặp nhân viên");
        Assert.Contains("hàng chờ", (await host.SayAsync(Citizen, "có")).Text);

        // A topic for the conversation, opened with what staff need to know.
        var opened = await WaitForGroupAsync(api, m => m.Text.Contains("Yêu cầu hỗ trợ"));
        Assert.NotNull(opened.ThreadId);
        Assert.Contains("Lê Văn Tám", opened.Text);
        var thread = opened.ThreadId!.Value;
        Assert.Single(api.Topics);

        // The person's words reach the topic, and the person is told once that they are still
        // waiting (awaited: that reply may come after the mirror, and would otherwise be taken
        // for the next message the person gets).
        var told = api.To(Citizen).Count;
        api.SendText(Citizen, "em không biết chọn giấy tờ nào");
        await WaitForGroupAsync(api, m => m.ThreadId == thread && m.Text.Contains("em không biết chọn giấy tờ nào"));
        Assert.Contains("vẫn đang trong hàng chờ", (await api.WaitForMessageAsync(Citizen, told)).Text);

        // Replying before claiming is refused with a hint in the topic.
        api.SendToTopic(Group, thread, Staff, "Huyền", "chào em");
        await WaitForGroupAsync(api, m => m.ThreadId == thread && m.Text.Contains("/claim"));

        var before = api.To(Citizen).Count;
        api.SendToTopic(Group, thread, Staff, "Huyền", "/claim");
        Assert.Contains("Cán bộ Huyền đã tham gia", (await api.WaitForMessageAsync(Citizen, before)).Text);

        before = api.To(Citizen).Count;
        api.SendToTopic(Group, thread, Staff, "Huyền", "Em chọn Căn cước công dân nhé");
        Assert.Contains("👤 Huyền: Em chọn Căn cước công dân nhé", (await api.WaitForMessageAsync(Citizen, before)).Text);

        before = api.To(Citizen).Count;
        api.SendToTopic(Group, thread, Staff, "Huyền", "/release");
        var resumed = await api.WaitForMessageAsync(Citizen, before);
        Assert.Contains("trợ lý tự động", resumed.Text);
        Assert.Contains("Bước 3", resumed.Text);
        Assert.Contains("Căn cước công dân (CCCD)", resumed.InlineButtons.Select(b => b.Label));
    }

    /// <summary>A staff account (as an admin would make it) linked to a Telegram user.</summary>
    private static async Task LinkAsync(TelegramHost host, string user, long telegramUser, bool admin = false, string office = "hp-ngo-quyen")
    {
        var account = await TestStaff.AddAsync(host.Factory.Services, user, "mat-khau-rat-dai-2026", [office], admin, displayName: "Huyền");
        account.TelegramUserId = telegramUser;
        await host.Factory.Services.GetRequiredService<VssBot.Storage.LiteDbStore>().SaveStaffAsync(account);
    }

    [Fact]
    public async Task OnlyLinkedStaffOfTheConversationsOfficeActInTheGroupAndEveryActionIsAudited()
    {
        await using var host = await TelegramHost.StartAsync(new() { ["Telegram:StaffChatId"] = Group.ToString(), ["Telegram:StaffChatIntervalMs"] = "0" });
        await LinkAsync(host, "lan", 777, office: "hn-dong-da"); // staff of another office
        await LinkAsync(host, "huyen", Staff);
        var api = host.Api;
        foreach (var text in new[] { "/start", "1", "đồng ý", "0123456789", "Lê Văn Tám", "cccd", "031090001234", "05/03/1990", "Hải Phòng", "gặp nhân viên", "có" })
        {
            await host.SayAsync(Citizen, text);
        }

        var opened = await WaitForGroupAsync(api, m => m.Text.Contains("Yêu cầu hỗ trợ"));
        var thread = opened.ThreadId!.Value;
        Assert.DoesNotContain("031090001234", opened.Text); // the ID number shows its last four digits only
        Assert.Contains("1234", opened.Text);

        // A group member with no staff account, and staff of another office, cannot claim.
        api.SendToTopic(Group, thread, 999, "Người lạ", "/claim");
        api.SendToTopic(Group, thread, 777, "Lan", "/claim");
        await WaitForGroupAsync(api, m => m.ThreadId == thread && m.Text.Contains("chưa được liên kết"));
        var store = host.Factory.Services.GetRequiredService<VssBot.Storage.LiteDbStore>();
        var conversation = store.LinkedConversation($"telegram:{Citizen}")!;
        await Poll.UntilAsync(() => store.AuditLog().Count(a => a.Action == "telegram-claim-refused") >= 2, TimeSpan.FromSeconds(15), "refusals not audited");

        Assert.Contains(store.AuditLog(), a => a.Staff == "telegram:999" && a.Action == "telegram-claim-refused" && a.Subject == conversation);
        Assert.Contains(store.AuditLog(), a => a.Staff == "lan" && a.Action == "telegram-claim-refused");
        Assert.Equal(Core.Engine.HandoffState.Waiting, store.FindConversation(conversation)!.Handoff!.State);

        // The linked staff member of the office claims; it is audited under their account.
        var before = api.To(Citizen).Count;
        api.SendToTopic(Group, thread, Staff, "Huyền", "/claim");
        Assert.Contains("đã tham gia", (await api.WaitForMessageAsync(Citizen, before)).Text);
        Assert.Contains(store.AuditLog(), a => a.Staff == "huyen" && a.Action == "telegram-claim" && a.Subject == conversation);
    }

    [Fact]
    public async Task AGroupTheBotWasAddedToGetsNoAnswer()
    {
        await using var host = await TelegramHost.StartAsync();
        host.Api.SendInGroup(-4001, 42, "xin chào");
        await host.SayAsync(Citizen, "/start"); // handled after the group's message, in order of arrival
        Assert.Empty(host.Api.To(-4001));
        Assert.Null(host.Factory.Services.GetRequiredService<VssBot.Storage.LiteDbStore>().LinkedConversation("telegram:-4001"));
    }

    private static Task<SentMessage> WaitForGroupAsync(FakeBotApi api, Func<SentMessage, bool> match) =>
        Poll.UntilAsync(() => api.To(Group).FirstOrDefault(match), TimeSpan.FromSeconds(15), () => "group messages: " + string.Join(" | ", api.To(Group).Select(m => m.Text)));
}
