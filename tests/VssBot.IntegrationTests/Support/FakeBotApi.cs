using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace VssBot.IntegrationTests.Support;

/// <summary>
/// A local Bot API server on 127.0.0.1 implementing the methods VssBot calls (getMe,
/// getUpdates, sendMessage, getFile and file download, answerCallbackQuery,
/// setMyCommands, setWebhook, deleteWebhook), so that the real Telegram.Bot client talks
/// HTTP to it exactly as it would to api.telegram.org. It enforces a global rate limit
/// like Telegram's and can be told to answer 429.
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    public const string Token = "123456:TEST-token";

    private readonly WebApplication _app;
    private readonly List<JsonObject> _updates = [];
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<string, byte[]> _files = new();
    private readonly Queue<DateTimeOffset> _recentSends = new();
    private int _nextUpdateId = 1000;
    private int _nextMessageId = 1;
    private int _nextTopicId = 100;

    /// <summary>Forum topics the bot created: name and thread id.</summary>
    public List<(string Name, int ThreadId)> Topics { get; } = [];

    private FakeBotApi(WebApplication app) => _app = app;

    /// <summary>Where it listens (known once started: the system chose the port).</summary>
    public string Url => $"http://127.0.0.1:{LocalServer.PortOf(_app)}";

    /// <summary>Every call: method name and its JSON body.</summary>
    public ConcurrentQueue<(string Method, JsonObject Body)> Calls { get; } = new();

    /// <summary>Messages the bot sent, in order.</summary>
    public List<SentMessage> Sent { get; } = [];

    /// <summary>Documents sent with sendDocument: chat, file name, bytes.</summary>
    public List<(string Chat, string Name, byte[] Bytes)> Documents { get; } = [];

    /// <summary>Most sendMessage calls a second before answering 429 (Telegram: about 30).</summary>
    public int MessagesPerSecond { get; set; } = 30;

    /// <summary>Answer the next N sendMessage calls with 429 and this retry_after.</summary>
    public int Refuse429Count { get; set; }

    /// <summary>Sends to these chats have their connection dropped (no answer), counted per chat
    /// (the value counts the drops, starting at 0).</summary>
    public ConcurrentDictionary<long, int> DropConnections { get; } = new();

    /// <summary>Answer the next N getFile calls with 400, as the Bot API does for a file it
    /// cannot serve now ("wrong file_id or the file is temporarily unavailable").</summary>
    public int RefuseGetFileCount { get; set; }
    public int RetryAfterSeconds { get; set; } = 1;
    public int TooManyRequestsAnswered { get; private set; }

    public static async Task<FakeBotApi> StartAsync()
    {
        var app = LocalServer.Build();
        var api = new FakeBotApi(app);
        app.MapPost("/bot{token}/{method}", api.HandleAsync);
        app.MapGet("/bot{token}/{method}", api.HandleAsync);
        app.MapGet("/file/bot{token}/{**path}", (string token, string path) =>
            token == Token && api._files.TryGetValue(path, out var bytes) ? Results.Bytes(bytes, "application/octet-stream") : Results.NotFound());
        await app.StartAsync();
        return api;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    // ---- what a person does on Telegram ----

    public long SendText(long chat, string text) => Add(chat, Message(chat, new JsonObject { ["text"] = text }, text.StartsWith('/') ? text.Split(' ')[0].Length : 0));

    /// <summary>A staff member writes in a forum topic of the staff group.</summary>
    public long SendToTopic(long group, int thread, long userId, string name, string text)
    {
        var update = Message(group, new JsonObject { ["text"] = text, ["message_thread_id"] = thread, ["is_topic_message"] = true }, text.StartsWith('/') ? text.Split(' ')[0].Length : 0);
        var message = update["message"]!.AsObject();
        message["chat"] = new JsonObject { ["id"] = group, ["type"] = "supergroup", ["title"] = "Cán bộ BHXH", ["is_forum"] = true };
        message["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = name };
        return Add(group, update);
    }

    /// <summary>Someone writes in an ordinary group the bot was added to.</summary>
    public long SendInGroup(long group, long userId, string text)
    {
        var update = Message(group, new JsonObject { ["text"] = text }, 0);
        var message = update["message"]!.AsObject();
        message["chat"] = new JsonObject { ["id"] = group, ["type"] = "group", ["title"] = "Lớp 10A" };
        message["from"] = new JsonObject { ["id"] = userId, ["is_bot"] = false, ["first_name"] = "Phụ huynh" };
        return Add(group, update);
    }

    public long SendPhoto(long chat, byte[] jpeg, string? album = null, long? size = null)
    {
        var id = "photo-" + Guid.NewGuid().ToString("N")[..8];
        _files[$"photos/{id}.jpg"] = jpeg;
        var fields = new JsonObject
        {
            ["photo"] = new JsonArray(
                new JsonObject { ["file_id"] = id + "-small", ["file_unique_id"] = id + "s", ["width"] = 90, ["height"] = 67, ["file_size"] = 1000 },
                new JsonObject { ["file_id"] = id, ["file_unique_id"] = id, ["width"] = 1280, ["height"] = 960, ["file_size"] = size ?? jpeg.Length }),
        };
        _files[$"photos/{id}-small.jpg"] = jpeg;
        if (album is not null)
        {
            fields["media_group_id"] = album;
        }

        return Add(chat, Message(chat, fields));
    }

    public long SendDocument(long chat, byte[] bytes, string fileName, string mime)
    {
        var id = "doc-" + Guid.NewGuid().ToString("N")[..8];
        _files[$"documents/{id}"] = bytes;
        return Add(chat, Message(chat, new JsonObject
        {
            ["document"] = new JsonObject { ["file_id"] = id, ["file_unique_id"] = id, ["file_name"] = fileName, ["mime_type"] = mime, ["file_size"] = bytes.Length },
        }));
    }

    public long ShareContact(long chat, string phone, long ownerUserId) =>
        Add(chat, Message(chat, new JsonObject
        {
            ["contact"] = new JsonObject { ["phone_number"] = phone, ["first_name"] = "Liên hệ", ["user_id"] = ownerUserId },
        }));

    public long SendSticker(long chat) =>
        Add(chat, Message(chat, new JsonObject
        {
            ["sticker"] = new JsonObject { ["file_id"] = "st", ["file_unique_id"] = "st", ["type"] = "regular", ["width"] = 512, ["height"] = 512, ["is_animated"] = false, ["is_video"] = false },
        }));

    /// <summary>Delivers an update as given (an update_id is added): one a newer Bot API, or a
    /// misbehaving server, might send.</summary>
    public long SendRaw(JsonObject update) => Add(0, update);

    /// <summary>Taps an inline button of the bot's last message to the chat.</summary>
    public long Tap(long chat, string label)
    {
        var last = LastTo(chat) ?? throw new InvalidOperationException("the bot has sent nothing to this chat");
        var data = last.InlineButtons.FirstOrDefault(b => b.Label == label).Data
            ?? throw new InvalidOperationException($"no button “{label}” in: {string.Join(" | ", last.InlineButtons.Select(b => b.Label))}");
        return Add(chat, new JsonObject
        {
            ["callback_query"] = new JsonObject
            {
                ["id"] = "cb-" + Guid.NewGuid().ToString("N")[..8],
                ["from"] = User(chat),
                ["chat_instance"] = "ci",
                ["data"] = data,
                ["message"] = new JsonObject { ["message_id"] = last.MessageId, ["date"] = Now(), ["chat"] = Chat(chat), ["text"] = last.Text },
            },
        });
    }

    /// <summary>Delivers an update that was delivered before (same update id).</summary>
    public void Redeliver(long updateId)
    {
        lock (_updates)
        {
            var copy = _updates.First(u => (long)u["update_id"]! == updateId).DeepClone().AsObject();
            copy["update_id"] = updateId;
            _updates.Add(copy);
        }
    }

    public string UpdateJson(long updateId)
    {
        lock (_updates)
        {
            return _updates.First(u => (long)u["update_id"]! == updateId).ToJsonString();
        }
    }

    // ---- what the bot said ----

    public SentMessage? LastTo(long chat)
    {
        lock (Sent)
        {
            return Sent.LastOrDefault(m => m.Chat == chat);
        }
    }

    public List<SentMessage> To(long chat)
    {
        lock (Sent)
        {
            return Sent.Where(m => m.Chat == chat).ToList();
        }
    }

    /// <summary>Waits until the bot has sent the chat more than <paramref name="count"/> messages.</summary>
    public Task<SentMessage> WaitForMessageAsync(long chat, int count, TimeSpan? timeout = null) =>
        Poll.UntilAsync(() => To(chat) is { } messages && messages.Count > count ? messages[count] : null, timeout ?? TimeSpan.FromSeconds(15),
            () => $"no message #{count + 1} to chat {chat}; last: {LastTo(chat)?.Text}; calls: {string.Join(", ", Calls.Select(c => c.Method).Distinct())}");

    // ---- the Bot API ----

    private async Task<IResult> HandleAsync(HttpContext http, string token, string method)
    {
        if (token != Token)
        {
            return Error(401, "Unauthorized");
        }

        var body = await ReadBodyAsync(http.Request);
        Calls.Enqueue((method, body));
        if (method.StartsWith("send", StringComparison.OrdinalIgnoreCase) && body["chat_id"] is { } target
            && long.TryParse(target.ToString(), out var chat) && DropConnections.ContainsKey(chat))
        {
            // The path to this chat fails: the connection closes with no answer.
            DropConnections.AddOrUpdate(chat, 1, (_, n) => n + 1);
            http.Abort();
            return Results.Empty;
        }

        try
        {
            return await AnswerAsync(method, body, http.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Error(500, "fake server: " + e.Message);
        }
    }

    private async Task<IResult> AnswerAsync(string method, JsonObject body, CancellationToken aborted)
    {
        switch (method.ToLowerInvariant())
        {
            case "getme":
                return Ok(new JsonObject { ["id"] = 42, ["is_bot"] = true, ["first_name"] = "VssBot", ["username"] = "vssbot_test_bot" });
            case "getupdates":
                return Ok(await GetUpdatesAsync(body, aborted));
            case "sendmessage":
                return SendMessage(body);
            case "senddocument":
                lock (Documents)
                {
                    Documents.Add(((string)body["chat_id"]!, (string)body["__file_name"]!, Convert.FromBase64String((string)body["__file"]!)));
                }

                body["text"] = (string?)body["caption"] ?? "";
                return SendMessage(body);
            case "sendphoto":
                body["text"] = (string?)body["caption"] ?? "";
                return SendMessage(body, photo: true);
            case "getfile" when RefuseGetFileCount > 0:
                RefuseGetFileCount--;
                return Error(400, "Bad Request: wrong file_id or the file is temporarily unavailable");
            case "getfile":
                var fileId = (string)body["file_id"]!;
                var path = _files.Keys.FirstOrDefault(k => k.EndsWith("/" + fileId + ".jpg") || k.EndsWith("/" + fileId));
                return path is null
                    ? Error(400, "Bad Request: invalid file_id")
                    : Ok(new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = fileId, ["file_size"] = _files[path].Length, ["file_path"] = path });
            case "createforumtopic":
                var topic = Interlocked.Increment(ref _nextTopicId);
                lock (Topics)
                {
                    Topics.Add(((string)body["name"]!, topic));
                }

                return Ok(new JsonObject { ["message_thread_id"] = topic, ["name"] = (string)body["name"]!, ["icon_color"] = 7322096 });
            case "deleteforumtopic":
                // Deletes the topic with all its messages, as the real Bot API does.
                var deleted = body["message_thread_id"]!.GetValueKind() == JsonValueKind.String ? int.Parse((string)body["message_thread_id"]!) : (int)body["message_thread_id"]!;
                lock (Topics)
                {
                    Topics.RemoveAll(t => t.ThreadId == deleted);
                }

                lock (Sent)
                {
                    Sent.RemoveAll(m => m.ThreadId == deleted);
                }

                return Ok(JsonValue.Create(true));
            case "answercallbackquery" or "setmycommands" or "setwebhook" or "deletewebhook":
                return Ok(JsonValue.Create(true));
            default:
                return Error(404, "Not Found: method not found");
        }
    }

    private IResult SendMessage(JsonObject body, bool photo = false)
    {
        lock (_recentSends)
        {
            var now = DateTimeOffset.UtcNow;
            while (_recentSends.Count > 0 && now - _recentSends.Peek() >= TimeSpan.FromSeconds(1))
            {
                _recentSends.Dequeue();
            }

            if (Refuse429Count > 0 || _recentSends.Count >= MessagesPerSecond)
            {
                Refuse429Count = Math.Max(0, Refuse429Count - 1);
                TooManyRequestsAnswered++;
                return Json(new JsonObject
                {
                    ["ok"] = false, ["error_code"] = 429, ["description"] = $"Too Many Requests: retry after {RetryAfterSeconds}",
                    ["parameters"] = new JsonObject { ["retry_after"] = RetryAfterSeconds },
                }, 429);
            }

            _recentSends.Enqueue(now);
        }

        var chat = body["chat_id"]!.GetValueKind() == JsonValueKind.String ? long.Parse((string)body["chat_id"]!) : (long)body["chat_id"]!;
        var markup = body["reply_markup"] switch
        {
            JsonObject o => (JsonObject)o.DeepClone(),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => JsonNode.Parse((string)v!) as JsonObject,
            _ => null,
        };
        var thread2 = body["message_thread_id"] switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => int.Parse((string)v!),
            JsonValue v => (int)v,
            _ => (int?)null,
        };
        var message = new SentMessage(chat, Interlocked.Increment(ref _nextMessageId), (string)body["text"]!, markup, DateTimeOffset.UtcNow, thread2, photo);
        lock (Sent)
        {
            Sent.Add(message);
        }

        return Ok(new JsonObject { ["message_id"] = message.MessageId, ["date"] = Now(), ["chat"] = Chat(chat), ["text"] = message.Text });
    }

    private async Task<JsonArray> GetUpdatesAsync(JsonObject body, CancellationToken aborted)
    {
        var offset = body["offset"] is { } o ? (long)o : 0;
        var timeout = Math.Min(body["timeout"] is { } t ? (int)t : 0, 1);
        var deadline = DateTime.UtcNow.AddSeconds(timeout);
        while (true)
        {
            Task arrived;
            lock (_updates)
            {
                arrived = _arrived.Task;
                var ready = _updates.Where(u => (long)u["update_id"]! >= offset).OrderBy(u => (long)u["update_id"]!).ToList();
                if (ready.Count > 0 || DateTime.UtcNow >= deadline)
                {
                    // Delivered once per offset, as Telegram: confirmed ones are dropped.
                    _updates.RemoveAll(u => (long)u["update_id"]! < offset);
                    return new JsonArray(ready.Select(u => (JsonNode)u.DeepClone()).ToArray());
                }
            }

            // Long polling as Telegram does it: answer when an update arrives or the timeout ends.
            var remaining = deadline - DateTime.UtcNow;
            if (remaining > TimeSpan.Zero)
            {
                try
                {
                    await arrived.WaitAsync(remaining, aborted);
                }
                catch (TimeoutException)
                {
                    // Nothing came: the loop answers with nothing.
                }
            }
        }
    }

    private long Add(long chat, JsonObject content)
    {
        lock (_updates)
        {
            long id = _nextUpdateId++;
            content["update_id"] = id;
            _updates.Add(content);
            Interlocked.Exchange(ref _arrived, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            return id;
        }
    }

    private JsonObject Message(long chat, JsonObject fields, int commandLength = 0)
    {
        var message = new JsonObject
        {
            ["message_id"] = Interlocked.Increment(ref _nextMessageId),
            ["date"] = Now(),
            ["chat"] = Chat(chat),
            ["from"] = User(chat),
        };
        foreach (var (key, value) in fields)
        {
            message[key] = value?.DeepClone();
        }

        if (commandLength > 0)
        {
            message["entities"] = new JsonArray(new JsonObject { ["type"] = "bot_command", ["offset"] = 0, ["length"] = commandLength });
        }

        return new JsonObject { ["message"] = message };
    }

    private static JsonObject Chat(long chat) => new() { ["id"] = chat, ["type"] = "private", ["first_name"] = "Dân" };

    private static JsonObject User(long chat) => new() { ["id"] = chat, ["is_bot"] = false, ["first_name"] = "Dân", ["language_code"] = "vi" };

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            var fromForm = new JsonObject();
            foreach (var (key, value) in form)
            {
                fromForm[key] = value.ToString();
            }

            if (form.Files.Count > 0)
            {
                using var bytes = new MemoryStream();
                await form.Files[0].CopyToAsync(bytes);
                fromForm["__file"] = Convert.ToBase64String(bytes.ToArray());
                fromForm["__file_name"] = form.Files[0].FileName;
            }

            return fromForm;
        }

        if (request.ContentLength is 0 || request.ContentType is null)
        {
            return [];
        }

        return (await JsonNode.ParseAsync(request.Body))?.AsObject() ?? [];
    }

    private static IResult Ok(JsonNode result) => Json(new JsonObject { ["ok"] = true, ["result"] = result }, 200);

    private static IResult Error(int code, string description) =>
        Json(new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description }, code);

    private static IResult Json(JsonObject body, int status) =>
        Results.Content(body.ToJsonString(), "application/json", System.Text.Encoding.UTF8, status);
}

/// <summary>A message the bot sent, with its buttons.</summary>
public sealed record SentMessage(long Chat, int MessageId, string Text, JsonObject? ReplyMarkup, DateTimeOffset At, int? ThreadId = null, bool Photo = false)
{
    public IReadOnlyList<(string Label, string Data)> InlineButtons =>
        ReplyMarkup?["inline_keyboard"] is JsonArray rows
            ? rows.SelectMany(r => r!.AsArray()).Select(b => ((string)b!["text"]!, (string)b["callback_data"]!)).ToList()
            : [];

    public bool AsksForContact =>
        ReplyMarkup?["keyboard"] is JsonArray rows && rows.SelectMany(r => r!.AsArray()).Any(b => b!["request_contact"]?.GetValue<bool>() == true);
}
