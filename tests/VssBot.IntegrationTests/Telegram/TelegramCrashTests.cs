using VssBot.IntegrationTests.Support;

namespace VssBot.IntegrationTests.Telegram;

[Collection(SeparateProcesses.Name)]
public sealed class TelegramCrashTests
{
    [Fact]
    public async Task MessagesQueuedWhenTheProcessIsKilledAreSentAfterItRestartsOnceAndInOrder()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var data = new TempFolder("telegram-kill");
        var settings = TelegramHost.Settings(api.Url).Select(s => $"--{s.Key}={s.Value}").ToArray();
        const long chat = 740001;
        api.Refuse429Count = 1_000_000;
        api.RetryAfterSeconds = 1;

        var first = await VssBotProcess.StartAsync(data.Path, settings);
        var updates = new[] { api.SendText(chat, "/start"), api.SendText(chat, "1"), api.SendText(chat, "đồng ý") };
        // All three updates acknowledged (so recorded) and sending refused: kill now. Whatever
        // was handled or not by then, the restart owes exactly the three answers.
        await Poll.UntilAsync(() => api.TooManyRequestsAnswered >= 2 && api.Calls.Any(c => c.Method == "getUpdates" && (long?)c.Body["offset"] > updates[^1]),
            TimeSpan.FromSeconds(30), "the updates were not taken or no send was tried");
        first.Kill();
        await first.DisposeAsync();
        Assert.Empty(api.To(chat));

        api.Refuse429Count = 0;
        await using var second = await VssBotProcess.StartAsync(data.Path, settings);
        await api.WaitForMessageAsync(chat, 2, TimeSpan.FromSeconds(30));
        // Once, not twice: the answer to a new message comes after any repeat would have.
        api.SendText(chat, "trợ giúp");
        await api.WaitForMessageAsync(chat, 3, TimeSpan.FromSeconds(30));

        var texts = api.To(chat).Select(m => m.Text).ToList();
        Assert.Equal(4, texts.Count);
        Assert.Contains("Xin chào", texts[0]);
        Assert.Contains("Trước khi bắt đầu", texts[1]);
        Assert.Contains("Bước 1", texts[2]);
    }
}
