using System.Text.RegularExpressions;
using VssBot.IntegrationTests.Support;

namespace VssBot.IntegrationTests.Privacy;

[Collection(SeparateProcesses.Name)]
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

        foreach (var text in new[] { "/start", "1", "đồng ý", "0987654321", "Trần Quốc Toản", "cccd", "031165001234", "01/01/1965", "hai phong", "gia vien", "Số 9 Lạch Tray" })
        {
            await Say(text);
        }

        api.ShareContact(chat, "+84936111222", chat);
        await api.WaitForMessageAsync(chat, before++);
        await Say("bỏ qua");
        api.SendPhoto(chat, TestImages.Jpeg());
        await api.WaitForMessageAsync(chat, before++);

        var logs = server.Output;
        Assert.DoesNotContain(web.Id, logs); // the web-chat key is the person's secret
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

    [Theory]
    [InlineData("thẻ DN4010123456789 sai", "4010123456789")]
    [InlineData("hộ chiếu C1234567", "1234567")]
    [InlineData("cccd079123456789", "079123456789")]
    [InlineData("key bQ3rX9k2Lm8TQz0vYp4WfN7cR1sJ6hD5gA2eK9uZ0xI", "bQ3rX9k2Lm8TQz0vYp4WfN7cR1sJ6hD5gA2eK9uZ0xI")]
    public void NumbersGluedToLettersAndKeysAreMaskedInPropertiesAndExceptions(string text, string secret)
    {
        var sink = new Collected();
        var mask = new VssBot.Logging.PersonalDataMask(sink);
        var template = new Serilog.Parsing.MessageTemplateParser().Parse("{Value}");
        mask.Emit(new Serilog.Events.LogEvent(DateTimeOffset.UtcNow, Serilog.Events.LogEventLevel.Error, new InvalidOperationException(text),
            template, [new Serilog.Events.LogEventProperty("Value", new Serilog.Events.ScalarValue(text))]));

        var written = sink.Events.Single();
        Assert.DoesNotContain(secret, written.RenderMessage());
        Assert.DoesNotContain(secret, written.Exception!.ToString());
        Assert.DoesNotContain(secret, written.Exception.Message);
    }

    private sealed class Collected : Serilog.Core.ILogEventSink
    {
        public List<Serilog.Events.LogEvent> Events { get; } = [];

        public void Emit(Serilog.Events.LogEvent logEvent) => Events.Add(logEvent);
    }

    [GeneratedRegex("[A-Za-z0-9+/]{200,}")]
    private static partial Regex Base64Run();
}
