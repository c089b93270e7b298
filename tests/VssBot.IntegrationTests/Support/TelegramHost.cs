namespace VssBot.IntegrationTests.Support;

/// <summary>VssBot in-process with its Telegram channel pointed at a local Bot API
/// server, through the same configuration keys a real token uses.</summary>
public sealed class TelegramHost : IAsyncDisposable
{
    private TelegramHost(FakeBotApi api, VssBotFactory factory, TempFolder data)
    {
        Api = api;
        Factory = factory;
        Data = data;
    }

    public FakeBotApi Api { get; }
    public VssBotFactory Factory { get; }
    public TempFolder Data { get; }

    public static async Task<TelegramHost> StartAsync(Dictionary<string, string>? settings = null)
    {
        var api = await FakeBotApi.StartAsync();
        var data = new TempFolder("telegram");
        var all = Settings(api.Url);
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var factory = new VssBotFactory(data.Path, all);
        _ = factory.Server; // starts the host and its background services
        return new TelegramHost(api, factory, data);
    }

    public static Dictionary<string, string> Settings(string apiUrl) => new()
    {
        ["Telegram:BotToken"] = FakeBotApi.Token,
        ["Telegram:ApiBaseUrl"] = apiUrl,
        ["Telegram:PerChatIntervalMs"] = "0",
        ["Telegram:AlbumWaitMs"] = "400",
        ["Telegram:PollTimeoutSeconds"] = "1",
    };

    /// <summary>Sends what the person says and waits for the bot's answer.</summary>
    public async Task<SentMessage> SayAsync(long chat, string text)
    {
        var before = Api.To(chat).Count;
        Api.SendText(chat, text);
        return await Api.WaitForMessageAsync(chat, before);
    }

    public async Task<SentMessage> TapAsync(long chat, string label)
    {
        var before = Api.To(chat).Count;
        Api.Tap(chat, label);
        return await Api.WaitForMessageAsync(chat, before);
    }

    public async Task<SentMessage> PhotoAsync(long chat, byte[] jpeg)
    {
        var before = Api.To(chat).Count;
        Api.SendPhoto(chat, jpeg);
        return await Api.WaitForMessageAsync(chat, before);
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Api.DisposeAsync();
        Data.Dispose();
    }
}
