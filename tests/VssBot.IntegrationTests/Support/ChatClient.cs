using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace VssBot.IntegrationTests.Support;

/// <summary>Talks to the web-chat API the way the chat page does.</summary>
public sealed class ChatClient(HttpClient http)
{
    public HttpClient Http { get; } = http;
    public string Id { get; private set; } = "";

    /// <param name="unit">An invite link's unit token, sent as the page does for /?u=….</param>
    public async Task<string> StartAsync(string? unit = null)
    {
        var response = unit is null
            ? await Http.PostAsync("/api/chat/conversations", null)
            : await Http.PostAsJsonAsync("/api/chat/conversations", new { unit });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Id = body.GetProperty("conversationId").GetString()!;
        return Id;
    }

    /// <summary>The internal conversation id behind this client's key (what staff see).</summary>
    public string InternalId(VssBot.Storage.LiteDbStore store) =>
        store.LinkedConversation(VssBot.Web.WebKey.LinkId(Id)) ?? throw new InvalidOperationException("unknown key");

    /// <summary>Continues an existing conversation, as the page does after a reload.</summary>
    public ChatClient Resume(string id)
    {
        Id = id;
        return this;
    }

    public async Task<JsonElement> SayAsync(string text)
    {
        var response = await Http.PostAsJsonAsync($"/api/chat/conversations/{Id}/messages", new { text });
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} for “{text}”: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<string> SayTextAsync(string text) => Text(await SayAsync(text));

    /// <summary>The answer to a message the store could not keep: 503, Retry-After, the kind message.</summary>
    public static async Task AssertNotSavedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a 503 without Retry-After");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("store_unavailable", body.GetProperty("error").GetString());
        Assert.Contains("chưa được lưu", body.GetProperty("message").GetString());
    }

    public async Task<HttpResponseMessage> PostPhotoAsync(byte[] bytes, string fileName = "photo.jpg", string mediaType = "image/jpeg")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        form.Add(file, "photo", fileName);
        return await Http.PostAsync($"/api/chat/conversations/{Id}/messages", form);
    }

    public async Task<string> SendPhotoAsync(byte[] bytes)
    {
        var response = await PostPhotoAsync(bytes);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Text(await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>A message to post on its own (to resend it, or to another instance): the text,
    /// or the photo when the answer is <paramref name="photoMarker"/>.</summary>
    public static HttpRequestMessage Request(string key, string answer, byte[] photo, string photoMarker)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, $"/api/chat/conversations/{key}/messages");
        if (answer == photoMarker)
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "photo", "photo.jpg");
            message.Content = form;
        }
        else
        {
            message.Content = JsonContent.Create(new { text = answer });
        }

        return message;
    }

    public async Task<JsonElement[]> MessagesAsync(int after = 0)
    {
        var body = await Http.GetFromJsonAsync<JsonElement>($"/api/chat/conversations/{Id}/messages?after={after}");
        return body.GetProperty("messages").EnumerateArray().ToArray();
    }

    public static string Text(JsonElement replies) =>
        string.Join("\n---\n", replies.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()));

    /// <summary>A whole adult registration with three photos, sent to <paramref name="office"/>;
    /// returns the dossier's reference.</summary>
    /// <param name="unit">An invite link's token.</param>
    /// <param name="unitName">Without a link, the unit named when the office has units (else "bỏ qua").</param>
    public async Task<string> RegisterAsync(string office = "Đống Đa", string? unit = null, string? unitName = null)
    {
        await StartAsync(unit);
        foreach (var answer in AnswersToPhotos)
        {
            await SayAsync(answer);
        }

        for (var i = 0; i < 3; i++)
        {
            await SendPhotoAsync(TestImages.Jpeg());
        }

        if ((await SayTextAsync(office)).Contains("đơn vị/trường nào"))
        {
            await SayAsync(unitName ?? "bỏ qua");
        }

        var done = await SayTextAsync("Gửi hồ sơ");
        return System.Text.RegularExpressions.Regex.Match(done, "VB-[0-9A-Z]{10}").Value;
    }

    /// <summary>Answers of a whole adult registration, up to the review.</summary>
    public static readonly string[] AnswersToPhotos =
        ["Đăng ký VssID cho bản thân", "đồng ý", "DN4010123456789", "nguyen van an", "cccd", "001090001234", "05/03/1990", "ha noi", "ba dinh", "so 12 cau dien", "0912 345 678", "bo qua"];
}
