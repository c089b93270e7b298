using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VssBot.IntegrationTests.Support;

namespace VssBot.IntegrationTests.Security;

/// <summary>Floods, oversized bodies and decompression bombs meet limits, with a kind
/// Vietnamese answer, and a school's computer room still registers at once.</summary>
[Collection(SeparateProcesses.Name)]
public sealed class LimitAttackTests(SecurityHost host) : IClassFixture<SecurityHost>
{
    [Fact]
    public async Task ACreationFloodFromOneAddressIsRefusedWith429AfterAComputerRoomFits()
    {
        using var http = new HttpClient { BaseAddress = host.Address };
        // A computer room: 40 people behind one address start at once, all served.
        var room = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => http.PostAsync("/api/chat/conversations", null)));
        Assert.All(room, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));

        // Then 560 more at once: most are refused, each with Retry-After and a message.
        var flood = await Task.WhenAll(Enumerable.Range(0, 560).Select(_ => http.PostAsync("/api/chat/conversations", null)));
        var created = flood.Count(r => r.StatusCode == HttpStatusCode.Created);
        var refused = flood.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.True(created <= 60, $"{created} of 560 more conversations were created");
        Assert.Equal(560, created + refused.Count);
        Assert.NotNull(refused[0].Headers.RetryAfter);
        var body = await refused[0].Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("too_many_requests", body.GetProperty("error").GetString());
        Assert.Contains("Bạn đợi khoảng", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AnOversizedJsonBodyIsRefusedBeforeParsing()
    {
        var chat = host.Citizen();
        await chat.StartAsync();
        var huge = new StringContent("{\"text\": \"" + new string('a', 200_000) + "\"}", Encoding.UTF8, "application/json");
        var response = await chat.Http.PostAsync($"/api/chat/conversations/{chat.Id}/messages", huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("body_too_large", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        await chat.SayAsync("đồng ý"); // the conversation goes on (200, asserted inside)
    }

    [Fact]
    public async Task PngBombsAreDecodedWithinThePixelBudgetAndTheServerStaysWell()
    {
        var bomb = TestImages.PngBomb(7000); // ~50 KB that decode to 196 MB
        Assert.True(bomb.Length < 300_000, $"{bomb.Length} bytes");
        var chats = new List<ChatClient>();
        for (var i = 0; i < 6; i++)
        {
            var chat = host.Citizen();
            await chat.StartAsync();
            foreach (var answer in ChatClient.AnswersToPhotos)
            {
                await chat.SayAsync(answer);
            }

            chats.Add(chat);
        }

        var answers = await Task.WhenAll(chats.Select(c => c.PostPhotoAsync(bomb, "bomb.png", "image/png")));
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, a.StatusCode.ToString()));
        Assert.Equal(HttpStatusCode.OK, (await host.Server.Http.GetAsync("/healthz")).StatusCode);
        // Six bitmaps of 196 MB decoded at once would pass 1.2 GB; the budget keeps to one or two.
        Assert.True(host.Server.PeakMegabytes < 900, $"peak {host.Server.PeakMegabytes} MB");
        await chats[0].SendPhotoAsync(TestImages.Jpeg()); // still served (200, asserted inside)
    }

    [Fact]
    public async Task AFullOfficeQueueTakesNoMoreAndGivesTheContacts()
    {
        using var data = new TempFolder("queue-cap");
        await using var server = await VssBotProcess.StartAsync(data.Path, "--RateLimits:MaxWaitingPerOffice=1");
        async Task<string> AskAsync()
        {
            var chat = new ChatClient(new HttpClient { BaseAddress = server.Http.BaseAddress });
            await chat.StartAsync();
            foreach (var text in new[] { "1", "đồng ý", "0123456789", "Nguyễn Văn An", "cccd", "001090001234", "05/03/1990", "Hải Phòng", "gặp nhân viên" })
            {
                await chat.SayAsync(text);
            }

            return await chat.SayTextAsync("có");
        }

        Assert.Contains("hàng chờ", await AskAsync());
        var second = await AskAsync();
        Assert.Contains("nhiều người đang chờ", second);
        Assert.Contains("1900 9068", second);
    }
}
