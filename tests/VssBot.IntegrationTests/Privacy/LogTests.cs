using System.Text.RegularExpressions;
using VssBot.IntegrationTests.Support;

namespace VssBot.IntegrationTests.Privacy;

public sealed partial class LogTests
{
    [Fact]
    public async Task AtTheMostVerboseLevelNoLogLineHoldsPersonalData()
    {
        await using var api = await FakeBotApi.StartAsync();
        using var data = new TempFolder("logs");
        var settings = TelegramHost.Settings(api.Url).Select(s => $"--{s.Key}={s.Value}").Append("--Serilog:MinimumLevel:Override:Microsoft=Verbose").Append("--Serilog:MinimumLevel:Override:System.Net.Http.HttpClient=Verbose").ToArray();
        await using var server = await VssBotProcess.StartAsync(data.Path, settings);

        // On the web: a whole registration with an e-mail address and photos.
        var web = new ChatClient(server.Http);
        await web.StartAsync();
        foreach (var answer in new[] { "1", "đồng ý", "DN4010123456789", "Phạm Thị Lan Hương", "cccd", "001090001234", "05/03/1990", "ha noi", "ba dinh", "Số 77 Phố Huế", "0912 345 678", "lan.huong@gmail.com" })
        {
            await web.SayAsync(answer);
        }

        for (var i = 0; i < 3; i++)
        {
            await web.SendPhotoAsync(TestImages.Jpeg());
        }

        await web.SayAsync("Đống Đa");
        await web.SayAsync("có");
        Assert.Contains("VB-", await web.SayTextAsync("Gửi hồ sơ"));

        // On Telegram: another person, with a shared contact and a photo.
        const long chat = 750001;
        var before = 0;
        async Task Say(string text)
        {
            api.SendText(chat, text);
            await api.WaitForMessageAsync(chat, before++);
        }

        foreach (var text in new[] { "/start", "1", "đồng ý", "0987654321", "Trần Quốc Toản", "cmnd", "031165001", "01/01/1965", "hai phong", "gia vien", "Số 9 Lạch Tray" })
        {
            await Say(text);
        }

        api.ShareContact(chat, "+84936111222", chat);
        await api.WaitForMessageAsync(chat, before++);
        await Say("bỏ qua");
        api.SendPhoto(chat, TestImages.Jpeg());
        await api.WaitForMessageAsync(chat, before++);

        var logs = server.Output;
        Assert.Contains("/api/chat/conversations", logs);
        Assert.Contains("/bot***/sendMessage", logs); // the Bot API calls were logged, masked
        string[] personal =
        [
            "0123456789", "001090001234", "0912345678", "912345678", "+84912345678", "Phạm Thị Lan Hương", "Pham Thi Lan Huong", "lan.huong", "gmail.com",
            "77 Phố Huế", "0987654321", "Trần Quốc Toản", "031165001", "936111222", "Lạch Tray", "DN4010123456789",
        ];
        foreach (var secret in personal)
        {
            Assert.False(logs.Contains(secret, StringComparison.OrdinalIgnoreCase), $"a log line holds “{secret}”");
        }

        Assert.DoesNotMatch(Base64Run(), logs); // no photo bytes
        Assert.DoesNotContain(FakeBotApi.Token, logs); // nor the bot's token, which request URLs carry
    }

    [GeneratedRegex("[A-Za-z0-9+/]{200,}")]
    private static partial Regex Base64Run();
}
