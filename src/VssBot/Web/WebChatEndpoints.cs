using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using VssBot.Core.Conversations;
using VssBot.Core.Engine;
using VssBot.Core.Domain.Units;
using VssBot.Core.Photos;

namespace VssBot.Web;

/// <summary>The web chat's HTTP API, used by the page at "/" and by other tools. A
/// conversation is addressed by the person's key (<see cref="WebKey"/>), never by its
/// internal id.</summary>
public static class WebChatEndpoints
{
    public const string Channel = "web";

    public static void MapWebChat(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/chat/conversations");
        api.MapPost("", async (HttpContext http, ConversationService conversations, IUnitStore units, RateLimitOptions limits, DialogContent content) =>
        {
            // An optional body {"unit": "<link token>"}: the conversation counts for that unit.
            string? unit = null;
            if (http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0)
            {
                var (body, failure) = await ReadBodyAsync<NewConversation>(http, limits.MaxJsonBytes, content.Texts);
                if (failure is not null)
                {
                    return failure;
                }

                if (body?.Unit is { } token)
                {
                    unit = units.FindUnitByToken(token)?.Code;
                    if (unit is null)
                    {
                        return Error(400, "unknown_unit", content.Texts["web_unknown_unit"]);
                    }
                }
            }

            // The key goes to the person only; the store keeps its hash as a chat link.
            var key = WebKey.New();
            await conversations.StartAsync(Channel, beforeCommit: turn =>
            {
                turn.Conversation.UnitCode = unit;
                turn.Links.Add(new ChannelLink { Id = WebKey.LinkId(key), ConversationId = turn.Conversation.Id });
            });
            return Results.Created($"/api/chat/conversations/{key}", new CreatedConversation(key));
        }).RequireRateLimiting(RateLimits.Conversations);
        api.MapPost("/{key}/messages", PostMessage);
        // A photo staff sent in this conversation.
        api.MapGet("/{key}/photos/{seq:int}", (string key, int seq, IChannelStore links, IConversationStore store, DialogContent content) =>
            Resolve(key, links, content.Texts, out var id) is { } failure ? failure
            : store.Transcript(id, seq - 1).FirstOrDefault(t => t.Seq == seq) is { From: Sender.Staff, PhotoKey: { } photo } && store.Photo(photo) is { } bytes
                ? Results.Bytes(bytes, "image/jpeg")
                : NotFound(content.Texts));
        // A document a message carries (form 01), drawn now; 404 once its dossier is gone.
        api.MapGet("/{key}/files/{seq:int}", (string key, int seq, IChannelStore links, IConversationStore store, DialogContent content, Documents.Form01 form) =>
            Resolve(key, links, content.Texts, out var id) is { } failure ? failure
            : store.Transcript(id, seq - 1).FirstOrDefault(t => t.Seq == seq) is { FileRef: { } fileRef } && Documents.Form01.Open(fileRef, id, store) is { } dossier
                ? Results.File(form.Draw(dossier), Documents.Form01.ContentType, Documents.Form01.FileName(dossier))
                : NotFound(content.Texts));
        api.MapGet("/{key}/messages", (string key, string? after, IChannelStore links, IConversationStore store, DialogContent content) =>
        {
            var afterSeq = 0;
            if (after is not null && (!int.TryParse(after, out afterSeq) || afterSeq < 0))
            {
                return Error(400, "bad_after", content.Texts["web_bad_after"]);
            }

            if (Resolve(key, links, content.Texts, out var id) is { } failure)
            {
                return failure;
            }

            var messages = store.Transcript(id, afterSeq)
                .Select(t => new MessageBody(t.Seq, t.From.Word(), t.Text, t.Choices, t.Expects,
                    t.From == Sender.Staff && t.PhotoKey is not null ? $"/api/chat/conversations/{key}/photos/{t.Seq}" : null, File(key, t.Seq, t.FileRef)))
                .ToList();
            return Results.Ok(new MessagesBody(messages));
        });
    }

    private static FileBody? File(string key, int seq, string? fileRef) =>
        fileRef is null ? null : new FileBody(Documents.Form01.FileName(fileRef), $"/api/chat/conversations/{key}/files/{seq}", Documents.Form01.ContentType);

    /// <summary>The conversation a key opens: 400 for a malformed key and 404 for an unknown
    /// one, before any other work.</summary>
    private static IResult? Resolve(string key, IChannelStore links, EngineTexts texts, out string conversationId)
    {
        conversationId = "";
        if (!WebKey.IsWellFormed(key))
        {
            return Error(400, "bad_key", texts["web_bad_key"]);
        }

        if (links.LinkedConversation(WebKey.LinkId(key)) is not { } id)
        {
            return NotFound(texts);
        }

        conversationId = id;
        return null;
    }

    private static async Task<IResult> PostMessage(string key, HttpContext http, ConversationService conversations, PhotoIntake photos,
        MessageLimiter messages, PhotoLimiter photoLimiter, RateLimitOptions limits, IChannelStore links, DialogContent content)
    {
        var texts = content.Texts;
        if (Resolve(key, links, texts, out var id) is { } unknown)
        {
            return unknown;
        }

        if (messages.TryTake(id) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Error(429, "too_many_messages", texts.Format("web_too_many_messages", ("seconds", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        Input input;
        var request = http.Request;
        var origin = RateLimits.Address(http);
        if (request.HasJsonContentType())
        {
            var (message, failure) = await ReadJsonAsync(http, limits.MaxJsonBytes, texts);
            if (failure is not null)
            {
                return failure;
            }

            input = Input.Of(message!) with { Origin = origin };
        }
        else if (request.HasFormContentType)
        {
            if (photoLimiter.TryTake(origin) is { } photoWait)
            {
                await RateLimits.TooManyAsync(http, photoWait, http.RequestAborted, "photos");
                return Results.Empty;
            }

            var (photoInput, failure) = await ReadPhotoAsync(http, photos, texts);
            if (failure is not null)
            {
                return failure;
            }

            input = photoInput! with { Origin = origin };
        }
        else
        {
            return Error(400, "bad_content_type", texts["web_bad_content_type"]);
        }

        var turn = await conversations.TurnAsync(id, input);
        if (turn is null)
        {
            return NotFound(texts);
        }

        return Results.Ok(new RepliesBody(turn.Replies.Select(r => new ReplyBody(r.Text, r.Choices, r.Expects, File(key, r.Seq, r.FileRef))).ToList()));
    }

    /// <summary>The "text" of a JSON body no larger than <paramref name="maxBytes"/>, read
    /// with that bound before parsing.</summary>
    private static async Task<(string? Text, IResult? Failure)> ReadJsonAsync(HttpContext http, int maxBytes, EngineTexts texts)
    {
        var (message, failure) = await ReadBodyAsync<TextMessage>(http, maxBytes, texts);
        if (failure is not null)
        {
            return (null, failure);
        }

        if (message?.Text is null)
        {
            return (null, Error(400, "missing_text", texts["web_missing_text"]));
        }

        if (message.Text.Length > 4000)
        {
            return (null, Error(400, "text_too_long", texts["web_text_too_long"]));
        }

        return (message.Text, null);
    }

    /// <summary>A JSON body no larger than <paramref name="maxBytes"/>, read with that bound before parsing.</summary>
    private static async Task<(T? Body, IResult? Failure)> ReadBodyAsync<T>(HttpContext http, int maxBytes, EngineTexts texts)
        where T : class
    {
        var tooLarge = Error(413, "body_too_large", texts["web_body_too_large"]);
        if (http.Request.ContentLength > maxBytes)
        {
            return (null, tooLarge);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBytes;
        }

        T? body;
        try
        {
            body = await http.Request.ReadFromJsonAsync<T>();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, tooLarge);
        }
        catch (JsonException)
        {
            return (null, Error(400, "bad_json", texts["web_bad_json"]));
        }
        catch (InvalidOperationException)
        {
            // Not JSON at all (another content type).
            return (null, Error(400, "bad_content_type", texts["web_bad_content_type"]));
        }

        return (body, null);
    }

    private static async Task<(Input? Input, IResult? Failure)> ReadPhotoAsync(HttpContext http, PhotoIntake photos, EngineTexts texts)
    {
        var limit = photos.Options.MaxBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + 1024 * 1024;
        }

        var tooLarge = Error(413, "photo_too_large", photos.TooLargeMessage);
        if (http.Request.ContentLength > limit + 1024 * 1024)
        {
            return (null, tooLarge);
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit + 1024 * 1024 });
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, tooLarge);
        }
        catch (InvalidDataException)
        {
            return (null, Error(400, "bad_form", texts["web_bad_form"]));
        }

        var file = form.Files.GetFile("photo");
        if (file is null)
        {
            return (null, Error(400, "missing_photo", texts["web_missing_photo"]));
        }

        if (file.Length > limit)
        {
            return (null, tooLarge);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer);
        var check = await photos.CheckAsync(buffer.ToArray(), http.RequestAborted);
        if (check.Busy)
        {
            http.Response.Headers.RetryAfter = "5";
            return (null, Error(503, "busy", texts["web_busy"]));
        }

        return (check.Accepted ? Input.OfPhoto(check.Jpeg!) with { PhotoFindings = check.Findings } : Input.Refused(check.Refusal!), null);
    }

    private static IResult NotFound(EngineTexts texts) => Error(404, "not_found", texts["web_not_found"]);

    private static IResult Error(int status, string error, string message) => ApiProblem.Of(status, error, message);
}
