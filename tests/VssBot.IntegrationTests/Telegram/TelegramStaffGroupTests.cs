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

        // The person's words reach the topic.
        api.SendText(Citizen, "em không biết chọn giấy tờ nào");
        await WaitForGroupAsync(api, m => m.ThreadId == thread && m.Text.Contains("em không biết chọn giấy tờ nào"));

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

    private static async Task<SentMessage> WaitForGroupAsync(FakeBotApi api, Func<SentMessage, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (api.To(Group).FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(30);
        }

        throw new TimeoutException("group messages: " + string.Join(" | ", api.To(Group).Select(m => m.Text)));
    }
}
