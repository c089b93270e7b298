using System.Text.Json.Nodes;

namespace VssBot.IntegrationTests.Support;

/// <summary>VssBot in-process with its Zalo channel pointed at the local stand-in, through
/// the same configuration keys a real OA uses.</summary>
public sealed class ZaloHost : IAsyncDisposable
{
    private ZaloHost(FakeZaloApi api, VssBotFactory factory, TempFolder data, HttpClient http)
    {
        Api = api;
        Factory = factory;
        Data = data;
        Http = http;
    }

    public FakeZaloApi Api { get; }
    public VssBotFactory Factory { get; }
    public TempFolder Data { get; }
    public HttpClient Http { get; }

    public static async Task<ZaloHost> StartAsync(Dictionary<string, string>? settings = null)
    {
        var api = await FakeZaloApi.StartAsync();
        var data = new TempFolder("zalo");
        var all = api.Settings();
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var factory = new VssBotFactory(data.Path, all);
        var http = factory.CreateClient();
        return new ZaloHost(api, factory, data, http);
    }

    /// <summary>Posts the person's event and waits for the bot's next message to them.</summary>
    public async Task<JsonObject> SendAsync(JsonObject e)
    {
        var user = (e["sender"] ?? e["follower"])!["id"]!.ToString();
        var before = Api.To(user).Count;
        var response = await FakeZaloApi.PostAsync(Http, e);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await Api.WaitForMessageAsync(user, before);
    }

    public Task<JsonObject> SayAsync(string user, string text) => SendAsync(FakeZaloApi.Text(user, text));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Factory.DisposeAsync();
        await Api.DisposeAsync();
        Data.Dispose();
    }
}
