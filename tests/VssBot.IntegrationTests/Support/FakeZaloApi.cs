using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace VssBot.IntegrationTests.Support;

/// <summary>
/// A local stand-in for Zalo's OA Open API and OAuth v4 server, strict like the real one: it
/// checks the access token on every call (-216 when invalid or expired), checks parameters
/// (-201 on a bad one: missing recipient, text over 2,000 characters, more than 5 buttons),
/// honours single-use refresh tokens (-14014 on reuse), can inject -32 and -230, serves image
/// URLs (the CDN), and signs the webhook events it posts to VssBot.
/// </summary>
public sealed class FakeZaloApi : IAsyncDisposable
{
    public const string AppId = "3456789012345678901";
    public const string AppSecret = "app-secret-cua-ung-dung";
    public const string OaSecretKey = "oa-secret-key-ky-webhook";

    private readonly WebApplication _app;
    private readonly object _gate = new();
    private readonly Dictionary<string, byte[]> _cdn = [];
    private readonly HashSet<string> _refreshTokens = ["refresh-1"];
    private string _accessToken = "access-1";
    private bool _accessExpired;
    private int _issued = 1;

    private FakeZaloApi(WebApplication app) => _app = app;

    /// <summary>Where it listens (known once started: the system chose the port).</summary>
    public string Url => $"http://127.0.0.1:{LocalServer.PortOf(_app)}";

    /// <summary>Messages VssBot sent, with the user and the whole "message" object.</summary>
    public List<(string User, JsonObject Message, string? ReplyTo)> Sent { get; } = [];

    /// <summary>Answer the next N sends with -32 (rate limit).</summary>
    public int Refuse32Count { get; set; }

    /// <summary>Users who have not interacted lately: sends to them get -230.</summary>
    public HashSet<string> NoInteraction { get; } = [];

    /// <summary>Sends to these users have their connection dropped (the socket closed, no
    /// answer), as a network path to one recipient failing; counted per user.</summary>
    public HashSet<string> DropConnections { get; } = [];

    public int Dropped(string user)
    {
        lock (_gate)
        {
            return _dropped.GetValueOrDefault(user);
        }
    }

    private readonly Dictionary<string, int> _dropped = [];

    public int Refreshes { get; private set; }
    public int RefusedRefreshes { get; private set; }
    public int Uploads { get; private set; }

    public Dictionary<string, string> Settings() => new()
    {
        ["Zalo:AppId"] = AppId,
        ["Zalo:AppSecret"] = AppSecret,
        ["Zalo:OaSecretKey"] = OaSecretKey,
        ["Zalo:AccessToken"] = "access-1",
        ["Zalo:RefreshToken"] = "refresh-1",
        ["Zalo:ApiBaseUrl"] = Url,
        ["Zalo:OAuthBaseUrl"] = Url,
        ["Zalo:PublicBaseUrl"] = "https://vssbot.example.vn",
        ["Zalo:RateLimitPauseSeconds"] = "1",
    };

    public static async Task<FakeZaloApi> StartAsync()
    {
        var app = LocalServer.Build();
        var api = new FakeZaloApi(app);
        app.MapPost("/v3.0/oa/message/cs", (Delegate)api.SendAsync);
        app.MapPost("/v2.0/oa/upload/{kind}", (Delegate)api.UploadAsync);
        app.MapPost("/v4/oa/access_token", (Delegate)api.RefreshAsync);
        app.MapGet("/cdn/{name}", (string name) => api._cdn.TryGetValue(name, out var bytes) ? Results.Bytes(bytes, "image/jpeg") : Results.NotFound());
        await app.StartAsync();
        return api;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    /// <summary>The current access token stops working (-216), as after ~25 hours.</summary>
    public void ExpireAccessToken()
    {
        lock (_gate)
        {
            _accessExpired = true;
        }
    }

    /// <summary>A new pair, as when the operator authorises the OA again (the old one stops working).</summary>
    public (string Access, string Refresh) Reauthorise()
    {
        lock (_gate)
        {
            _issued++;
            _accessToken = $"access-{_issued}";
            _accessExpired = false;
            _refreshTokens.Clear();
            _refreshTokens.Add($"refresh-{_issued}");
            return (_accessToken, $"refresh-{_issued}");
        }
    }

    /// <summary>Puts a photo on the CDN and returns its URL, as Zalo does for a person's photo.</summary>
    public string Host(string name, byte[] bytes)
    {
        _cdn[name] = bytes;
        return $"{Url}/cdn/{name}";
    }

    // ---- what a person does on Zalo: signed events posted to VssBot's webhook ----

    public static JsonObject Text(string user, string text, string? msgId = null) => Event("user_send_text", user, new JsonObject { ["msg_id"] = msgId ?? NewId(), ["text"] = text });

    public static JsonObject Image(string user, string url) => Event("user_send_image", user, new JsonObject
    {
        ["msg_id"] = NewId(),
        ["attachments"] = new JsonArray(new JsonObject { ["type"] = "image", ["payload"] = new JsonObject { ["url"] = url, ["thumbnail"] = url } }),
    });

    public static JsonObject Sticker(string user) => Event("user_send_sticker", user, new JsonObject { ["msg_id"] = NewId(), ["attachments"] = new JsonArray() });

    public static JsonObject SubmitInfo(string user, string phone)
    {
        var e = Event("user_submit_info", user, null);
        e["info"] = new JsonObject { ["name"] = "Nguyễn Văn An", ["phone"] = phone, ["address"] = "", ["city"] = "", ["district"] = "" };
        return e;
    }

    public static JsonObject Follow(string user) => new()
    {
        ["app_id"] = AppId,
        ["event_name"] = "follow",
        ["oa_id"] = "2939045690000000001",
        ["follower"] = new JsonObject { ["id"] = user },
        ["user_id_by_app"] = "999" + user[3..],
        ["source"] = "oa_profile",
        ["timestamp"] = Timestamp(),
    };

    /// <summary>Posts an event to VssBot's webhook, signed as Zalo signs it (or not).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient vssbot, JsonObject e, string? signature = null)
    {
        var body = Encoding.UTF8.GetBytes(e.ToJsonString());
        var mac = signature ?? Convert.ToHexStringLower(SHA256.HashData([.. Encoding.UTF8.GetBytes(AppId), .. body, .. Encoding.UTF8.GetBytes(e["timestamp"]!.ToString()), .. Encoding.UTF8.GetBytes(OaSecretKey)]));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/zalo/webhook") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-ZEvent-Signature", "mac=" + mac);
        return await vssbot.SendAsync(request);
    }

    public List<(string User, JsonObject Message, string? ReplyTo)> To(string user)
    {
        lock (_gate)
        {
            return Sent.Where(s => s.User == user).ToList();
        }
    }

    /// <summary>Waits for message number <paramref name="count"/> (0-based) to the user.</summary>
    public Task<JsonObject> WaitForMessageAsync(string user, int count, TimeSpan? timeout = null) =>
        Poll.UntilAsync(() => To(user) is { } messages && messages.Count > count ? messages[count].Message : null, timeout ?? TimeSpan.FromSeconds(15),
            () => $"no message #{count + 1} to Zalo user {user}; last: {To(user).LastOrDefault().Message?.ToJsonString()}");

    public static string TextOf(JsonObject message) => message["text"]?.ToString() ?? "";

    public static IReadOnlyList<string> Buttons(JsonObject message) =>
        (message["attachment"]?["payload"]?["buttons"] as JsonArray ?? []).Select(b => b!["payload"]!.ToString()).ToList();

    // ---- the Open API ----

    private async Task<IResult> SendAsync(HttpContext http)
    {
        var body = await http.Request.ReadFromJsonAsync<JsonObject>();
        lock (_gate)
        {
            if (!TokenValid(http))
            {
                return Error(-216, "Access token is invalid");
            }

            var user = body?["recipient"]?["user_id"]?.ToString();
            if (user is not null && DropConnections.Contains(user))
            {
                _dropped[user] = _dropped.GetValueOrDefault(user) + 1;
                http.Abort();
                return Results.Empty;
            }

            if (body?["message"] is not JsonObject message || string.IsNullOrEmpty(user)
                || TextOf(message).Length > 2000 || (message["attachment"]?["payload"]?["buttons"] as JsonArray)?.Count > 5
                || (message["text"] is null && message["attachment"] is null))
            {
                return Error(-201, "Parameters are invalid");
            }

            if (Refuse32Count > 0)
            {
                Refuse32Count--;
                return Error(-32, "Exceeded the limit of requests");
            }

            if (NoInteraction.Contains(user))
            {
                return Error(-230, "User has not interacted with the OA in the past 7 days");
            }

            Sent.Add((user, message, body["recipient"]?["message_id"]?.ToString()));
            return Results.Json(new JsonObject { ["error"] = 0, ["message"] = "Success", ["data"] = new JsonObject { ["message_id"] = NewId(), ["user_id"] = user } });
        }
    }

    private async Task<IResult> UploadAsync(HttpContext http, string kind)
    {
        var form = await http.Request.ReadFormAsync();
        lock (_gate)
        {
            if (!TokenValid(http))
            {
                return Error(-216, "Access token is invalid");
            }

            if (form.Files.GetFile("file") is not { Length: > 0 } || kind is not ("image" or "file"))
            {
                return Error(-201, "Parameters are invalid");
            }

            Uploads++;
            var data = kind == "image" ? new JsonObject { ["attachment_id"] = "att-" + NewId() } : new JsonObject { ["token"] = "file-" + NewId() };
            return Results.Json(new JsonObject { ["error"] = 0, ["message"] = "Success", ["data"] = data });
        }
    }

    private async Task<IResult> RefreshAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync();
        lock (_gate)
        {
            if (http.Request.Headers["secret_key"] != AppSecret || form["app_id"] != AppId || form["grant_type"] != "refresh_token")
            {
                RefusedRefreshes++;
                return Results.Json(new JsonObject { ["error"] = -14002, ["error_name"] = "Invalid app" });
            }

            // Single use: a refresh token works once.
            if (!_refreshTokens.Remove(form["refresh_token"].ToString()))
            {
                RefusedRefreshes++;
                return Results.Json(new JsonObject { ["error"] = -14014, ["error_name"] = "Invalid refresh token" });
            }

            Refreshes++;
            _issued++;
            _accessToken = $"access-{_issued}";
            _accessExpired = false;
            _refreshTokens.Add($"refresh-{_issued}");
            return Results.Json(new JsonObject { ["access_token"] = _accessToken, ["refresh_token"] = $"refresh-{_issued}", ["expires_in"] = "90000" });
        }
    }

    private bool TokenValid(HttpContext http) => http.Request.Headers["access_token"] == _accessToken && !_accessExpired;

    private static IResult Error(int code, string message) => Results.Json(new JsonObject { ["error"] = code, ["message"] = message });

    private static JsonObject Event(string name, string user, JsonObject? message)
    {
        var e = new JsonObject
        {
            ["app_id"] = AppId,
            ["event_name"] = name,
            ["sender"] = new JsonObject { ["id"] = user },
            ["recipient"] = new JsonObject { ["id"] = "2939045690000000001" },
            ["user_id_by_app"] = "999" + user[3..],
            ["timestamp"] = Timestamp(),
        };
        if (message is not null)
        {
            e["message"] = message;
        }

        return e;
    }

    private static long _clock = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    // Strictly increasing, as Zalo's events of one person are.
    private static string Timestamp() => Interlocked.Increment(ref _clock).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
