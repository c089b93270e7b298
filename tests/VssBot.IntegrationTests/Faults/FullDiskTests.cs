using System.Net;
using System.Net.Http.Json;
using VssBot.IntegrationTests.Support;

namespace VssBot.IntegrationTests.Faults;

/// <summary>
/// The data folder's disk fills up under a running VssBot (a real tmpfs, really full:
/// ENOSPC from the kernel), as when a log grows beside it. Each answer is then refused with
/// 503, Retry-After and a kind message, /readyz says why, nothing acknowledged is lost, the
/// process lives on, and once space is freed it takes answers again by itself.
/// </summary>
[Collection(SeparateProcesses.Name)]
public sealed class FullDiskTests
{
    [Theory]
    [InlineData(0)] // the next journal record finds no space
    [InlineData(400 * 1024)] // records still fit for a while; LiteDB's own files fill up first or with them
    public async Task AFullDiskRefusesAnswersKindlyAndClearsByItselfWithNothingAcknowledgedLost(int leaveBytes)
    {
        using var disk = await Tmpfs.MountAsync("full-disk", 64);
        await SecurityHost.AddStaffAsync(disk.Path, "admin-hn", "hn-dong-da", "admin");
        await using var server = await VssBotProcess.StartAsync(disk.Path);
        using var admin = new StaffBrowser(server.Http.BaseAddress!);
        Assert.Equal(HttpStatusCode.OK, (await admin.SignedInGetAsync("admin-hn", "/staff/system")).StatusCode); // signed in (and enrolled) before
        var people = new List<(ChatClient Chat, List<string> Acknowledged)>();

        async Task<ChatClient> NewPersonAsync()
        {
            var chat = new ChatClient(server.Http);
            await chat.StartAsync();
            people.Add((chat, []));
            return chat;
        }

        for (var i = 0; i < 3; i++)
        {
            var chat = await NewPersonAsync();
            foreach (var answer in ChatClient.AnswersToPhotos[..4])
            {
                await chat.SayAsync(answer);
                people[^1].Acknowledged.Add(answer);
            }
        }

        var filler = disk.Fill(leaveBytes);

        // People go on writing (and sending photos) until the store cannot keep an answer.
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var n = 0; n < 400 && refused is null; n++)
        {
            var (chat, acknowledged) = people[n % people.Count];
            var text = $"cho mình hỏi lần {n}";
            var response = n % 3 == 2
                ? await chat.PostPhotoAsync(TestImages.Jpeg())
                : await chat.Http.PostAsJsonAsync($"/api/chat/conversations/{chat.Id}/messages", new { text });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.OK && n % 3 != 2)
            {
                acknowledged.Add(text);
            }
            else if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                refused = response;
            }
        }

        Assert.DoesNotContain(HttpStatusCode.InternalServerError, statuses);
        Assert.True(refused is not null, "the full disk never refused an answer: " + string.Join(",", statuses.GroupBy(s => s).Select(g => $"{g.Key}×{g.Count()}")));
        await ChatClient.AssertNotSavedAsync(refused);

        // While it lasts: every answer is refused the same way, /readyz names the cause, nobody gets a 500.
        await ChatClient.AssertNotSavedAsync(await people[0].Chat.Http.PostAsJsonAsync($"/api/chat/conversations/{people[0].Chat.Id}/messages", new { text = "còn đó không" }));
        var ready = await server.Http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("storage", await ready.Content.ReadAsStringAsync());
        Assert.False(server.HasExited, "the process ended: " + server.Output);
        // An admin already signed in sees why on the system page, while the file can still be
        // read (the journal's disk failed first); once LiteDB's own write failed, its engine
        // reads nothing until it is opened again, and the page too is answered 503, kindly.
        var system = await admin.Http.GetAsync("/staff/system");
        var page = WebUtility.HtmlDecode(await system.Content.ReadAsStringAsync());
        if (leaveBytes == 0 || system.StatusCode == HttpStatusCode.OK)
        {
            Assert.Equal(HttpStatusCode.OK, system.StatusCode);
            Assert.Contains("ngừng nhận dữ liệu mới", page);
        }
        else
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, system.StatusCode);
            Assert.Contains("chưa được lưu", page);
        }

        // Space comes back: the store finds out by itself, without a restart.
        File.Delete(filler);
        await Poll.UntilAsync(async () => (await server.Http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(60),
            () => "/readyz stayed unhealthy after space came back: " + server.Output[^Math.Min(4000, server.Output.Length)..]);
        Assert.Contains("writes are taken again", server.Output);
        foreach (var (chat, acknowledged) in people)
        {
            await chat.SayAsync("gửi lại ạ");
            acknowledged.Add("gửi lại ạ");
        }

        // Nothing acknowledged was lost, and nothing is kept twice: now, and after the power
        // goes (SIGKILL) and the process starts again on the same files.
        await AllKeptOnceAsync(people, server);
        Assert.False(server.HasExited);
        Assert.DoesNotContain("DN4010123456789", server.Output); // the log carries no personal data for all that
        server.Kill();
        await using var again = await VssBotProcess.StartAsync(disk.Path);
        await AllKeptOnceAsync([.. people.Select(p => (new ChatClient(again.Http).Resume(p.Chat.Id), p.Acknowledged))], again);
    }

    private static async Task AllKeptOnceAsync(IEnumerable<(ChatClient Chat, List<string> Acknowledged)> people, VssBotProcess server)
    {
        foreach (var (chat, acknowledged) in people)
        {
            var said = (await chat.MessagesAsync()).Where(m => m.GetProperty("from").GetString() == "user").Select(m => m.GetProperty("text").GetString()).ToList();
            foreach (var text in acknowledged.Distinct())
            {
                Assert.True(said.Count(s => s == text) == acknowledged.Count(a => a == text), $"“{text}”: acknowledged {acknowledged.Count(a => a == text)}, kept {said.Count(s => s == text)}; the log:\n{server.Output}");
            }
        }
    }
}
