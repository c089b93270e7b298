using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VssBot.IntegrationTests.Support;
using VssBot.Storage;

namespace VssBot.IntegrationTests.Web;

public sealed class WebChatApiTests : IDisposable
{
    private readonly DirectoryInfo _data = Repo.TempDirectory("api");
    private readonly VssBotFactory _factory;
    private readonly ChatClient _chat;

    public WebChatApiTests()
    {
        _factory = new VssBotFactory(_data.FullName, new Dictionary<string, string> { ["Photos:MaxBytes"] = "2000000" });
        _chat = new ChatClient(_factory.CreateClient());
    }

    public void Dispose()
    {
        _factory.Dispose();
        _data.Delete(recursive: true);
    }

    [Fact]
    public async Task HealthzAnswers200()
    {
        var response = await _chat.Http.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ACitizenCompletesARegistrationThroughTheApi()
    {
        await _chat.StartAsync();
        var first = await _chat.MessagesAsync();
        Assert.Equal("bot", first[0].GetProperty("from").GetString());
        Assert.Contains("Đăng ký VssID cho bản thân", first[0].GetProperty("choices").EnumerateArray().Select(c => c.GetString()));

        foreach (var answer in ChatClient.AnswersToPhotos)
        {
            await _chat.SayAsync(answer);
        }

        var asked = await _chat.MessagesAsync();
        Assert.Equal("photo", asked[^1].GetProperty("expects").GetString());
        Assert.Contains("Đã nhận ảnh", await _chat.SendPhotoAsync(TestImages.Jpeg()));
        await _chat.SendPhotoAsync(TestImages.Jpeg(800, 500));
        await _chat.SendPhotoAsync(TestImages.Jpeg(800, 500));
        var review = await _chat.SayAsync("Đống Đa");
        var reviewReply = review.GetProperty("replies").EnumerateArray().Last();
        Assert.Equal("choice", reviewReply.GetProperty("expects").GetString());
        Assert.Contains("Gửi hồ sơ", reviewReply.GetProperty("choices").EnumerateArray().Select(c => c.GetString()));

        var done = await _chat.SayTextAsync("Gửi hồ sơ");

        Assert.Contains("Mã hồ sơ của bạn: VB-", done);
        var store = _factory.Services.GetRequiredService<LiteDbStore>();
        var dossier = Assert.Single(store.AllDossiers());
        Assert.Equal(_chat.InternalId(store), dossier.ConversationId);
        Assert.Contains(dossier.Id, done);
        Assert.Equal("0123456789", dossier.Values["bhxh_code"]);
        Assert.Equal(3, dossier.PhotoKeys.Count);
        Assert.All(dossier.PhotoKeys, key => Assert.Equal(0xFF, store.Photo(key)![0]));
    }

    [Fact]
    public async Task MessagesAfterASequenceNumberAreOnlyTheNewOnes()
    {
        await _chat.StartAsync();
        await _chat.SayAsync("1");
        var all = await _chat.MessagesAsync();
        var later = await _chat.MessagesAsync(after: 1);

        Assert.Equal(all.Length - 1, later.Length);
        Assert.Equal([1, 2, 3], all.Select(m => m.GetProperty("seq").GetInt32()));
        Assert.Equal(["bot", "user", "bot"], all.Select(m => m.GetProperty("from").GetString()));
    }

    [Fact]
    public async Task AnUnknownConversationIs404WithAJsonBody()
    {
        var unknown = VssBot.Web.WebKey.New();
        var post = await _chat.Http.PostAsJsonAsync($"/api/chat/conversations/{unknown}/messages", new { text = "xin chào" });
        var get = await _chat.Http.GetAsync($"/api/chat/conversations/{unknown}/messages");

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal("not_found", (await post.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("{not json", "application/json", "bad_json")]
    [InlineData("{\"txt\": \"a\"}", "application/json", "missing_text")]
    [InlineData("xin chào", "text/plain", "bad_content_type")]
    public async Task AMalformedRequestIs400WithAJsonBody(string body, string mediaType, string error)
    {
        await _chat.StartAsync();
        var response = await _chat.Http.PostAsync($"/api/chat/conversations/{_chat.Id}/messages", new StringContent(body, Encoding.UTF8, mediaType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(error, json.GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("message").GetString()));
        // Problem details (RFC 9457) that keep the contract's two fields.
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(400, json.GetProperty("status").GetInt32());
        Assert.Equal(json.GetProperty("message").GetString(), json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ABadAfterParameterIs400()
    {
        await _chat.StartAsync();
        var response = await _chat.Http.GetAsync($"/api/chat/conversations/{_chat.Id}/messages?after=abc");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task APhotoOverTheLimitIs413AndNothingIsStored()
    {
        await _chat.StartAsync();
        foreach (var answer in ChatClient.AnswersToPhotos)
        {
            await _chat.SayAsync(answer);
        }

        var big = TestImages.NoisePng(900, 900);
        Assert.True(big.Length > 2_000_000);
        var before = await _chat.MessagesAsync();

        var response = await _chat.PostPhotoAsync(big, "big.png", "image/png");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("photo_too_large", json.GetProperty("error").GetString());
        Assert.Contains("tối đa", json.GetProperty("message").GetString());
        Assert.Equal(before.Length, (await _chat.MessagesAsync()).Length);
        var store = _factory.Services.GetRequiredService<LiteDbStore>();
        Assert.False(store.FindConversation(_chat.InternalId(store))!.Answers.ContainsKey("portrait"));
    }

    [Fact]
    public async Task AFileThatIsNotAnImageGetsAKindMessageAndKeepsTheAnswers()
    {
        await _chat.StartAsync();
        foreach (var answer in ChatClient.AnswersToPhotos)
        {
            await _chat.SayAsync(answer);
        }

        var response = await _chat.PostPhotoAsync("<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray(), "photo.jpg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("không phải ảnh", ChatClient.Text(await response.Content.ReadFromJsonAsync<JsonElement>()));
        var conversation = _factory.Services.GetRequiredService<LiteDbStore>().FindConversation(_chat.InternalId(_factory.Services.GetRequiredService<LiteDbStore>()))!;
        Assert.Equal("portrait", conversation.StepId);
        Assert.Equal(11, conversation.Answers.Count(a => a.Key != "menu"));
    }

    [Fact]
    public async Task TwoMessagesOfOneConversationSentAtOnceAreBothHandledOneAfterTheOther()
    {
        await _chat.StartAsync();
        await _chat.SayAsync("1");
        await _chat.SayAsync("đồng ý");

        var sends = Enumerable.Range(0, 8).Select(_ => _chat.Http.PostAsJsonAsync($"/api/chat/conversations/{_chat.Id}/messages", new { text = "0123456789" }));
        var responses = await Task.WhenAll(sends);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var messages = await _chat.MessagesAsync();
        var seqs = messages.Select(m => m.GetProperty("seq").GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(1, seqs.Count), seqs);
        Assert.Equal(8, messages.Count(m => m.GetProperty("from").GetString() == "user" && m.GetProperty("text").GetString() == "0123456789"));
        // The first accepted the code; the other seven were read as names and refused, one at a time.
        var conversation = _factory.Services.GetRequiredService<LiteDbStore>().FindConversation(_chat.InternalId(_factory.Services.GetRequiredService<LiteDbStore>()))!;
        Assert.Equal("full_name", conversation.StepId);
        Assert.Equal(seqs.Count, conversation.Seq);
    }
}
