using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using VssBot.Core.Conversations;
using VssBot.Core.Engine;
using VssBot.Core.Photos;

namespace VssBot.Web;

/// <summary>The web chat's HTTP API, used by the page at "/" and by other tools.</summary>
public static class WebChatEndpoints
{
    public const string Channel = "web";

    public static void MapWebChat(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/chat/conversations");
        api.MapPost("", async (ConversationService conversations) =>
        {
            var turn = await conversations.StartAsync(Channel);
            return Results.Created($"/api/chat/conversations/{turn.Conversation.Id}", new CreatedConversation(turn.Conversation.Id));
        });
        api.MapPost("/{id}/messages", PostMessage);
        // A photo staff sent in this conversation (the conversation id is the person's key).
        api.MapGet("/{id}/photos/{seq:int}", (string id, int seq, IConversationStore store) =>
            store.Transcript(id, seq - 1).FirstOrDefault(t => t.Seq == seq) is { From: "staff", PhotoKey: { } key } && store.Photo(key) is { } bytes
                ? Results.Bytes(bytes, "image/jpeg")
                : NotFound());
        api.MapGet("/{id}/messages", (string id, string? after, IConversationStore store) =>
        {
            var afterSeq = 0;
            if (after is not null && (!int.TryParse(after, out afterSeq) || afterSeq < 0))
            {
                return Error(400, "bad_after", "Tham số “after” phải là số nguyên không âm.");
            }

            if (store.FindConversation(id) is null)
            {
                return NotFound();
            }

            var messages = store.Transcript(id, afterSeq)
                .Select(t => new MessageBody(t.Seq, t.From, t.Text, t.Choices, t.Expects,
                    t.From == "staff" && t.PhotoKey is not null ? $"/api/chat/conversations/{id}/photos/{t.Seq}" : null))
                .ToList();
            return Results.Ok(new MessagesBody(messages));
        });
    }

    private static async Task<IResult> PostMessage(string id, HttpContext http, ConversationService conversations, PhotoIntake photos, FloodGate flood)
    {
        if (!flood.TryTake(id))
        {
            return Error(429, "too_many_messages", "Bạn gửi tin nhắn nhanh quá. Bạn đợi một chút rồi gửi tiếp nhé.");
        }

        Input input;
        var request = http.Request;
        if (request.HasJsonContentType())
        {
            TextMessage? message;
            try
            {
                message = await request.ReadFromJsonAsync<TextMessage>();
            }
            catch (JsonException)
            {
                return Error(400, "bad_json", "Nội dung gửi lên không phải JSON hợp lệ.");
            }

            if (message?.Text is null)
            {
                return Error(400, "missing_text", "Cần trường “text” chứa tin nhắn.");
            }

            if (message.Text.Length > 4000)
            {
                return Error(400, "text_too_long", "Tin nhắn dài quá 4000 ký tự.");
            }

            input = Input.Of(message.Text);
        }
        else if (request.HasFormContentType)
        {
            var (photoInput, failure) = await ReadPhotoAsync(http, photos);
            if (failure is not null)
            {
                return failure;
            }

            input = photoInput!;
        }
        else
        {
            return Error(400, "bad_content_type", "Gửi JSON {\"text\": \"…\"} hoặc multipart/form-data có trường “photo”.");
        }

        var turn = await conversations.TurnAsync(id, input);
        if (turn is null)
        {
            return NotFound();
        }

        return Results.Ok(new RepliesBody(turn.Replies.Select(r => new ReplyBody(r.Text, r.Choices, r.Expects)).ToList()));
    }

    private static async Task<(Input? Input, IResult? Failure)> ReadPhotoAsync(HttpContext http, PhotoIntake photos)
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
            return (null, Error(400, "bad_form", "Không đọc được tệp gửi lên."));
        }

        var file = form.Files.GetFile("photo");
        if (file is null)
        {
            return (null, Error(400, "missing_photo", "Cần trường tệp “photo”."));
        }

        if (file.Length > limit)
        {
            return (null, tooLarge);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer);
        var check = photos.Check(buffer.ToArray());
        return (check.Accepted ? Input.OfPhoto(check.Jpeg!) : Input.Refused(check.Refusal!), null);
    }

    private static IResult NotFound() =>
        Error(404, "not_found", "Không tìm thấy cuộc trò chuyện này. Bạn tải lại trang để bắt đầu cuộc mới.");

    private static IResult Error(int status, string error, string message) =>
        Results.Json(new ErrorBody(error, message), statusCode: status);
}
