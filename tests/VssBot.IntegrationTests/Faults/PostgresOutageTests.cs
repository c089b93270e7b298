using System.Net;
using System.Net.Http.Json;
using VssBot.IntegrationTests.Support;

namespace VssBot.IntegrationTests.Faults;

/// <summary>
/// PostgreSQL stops under a running instance (an operator restarts it, the server crashes)
/// and comes back. Meanwhile every answer gets 503 with Retry-After and a kind message, never
/// a bare 500; /readyz says the store is unhealthy; the process lives on; afterwards the same
/// people carry on, with everything acknowledged kept once.
/// </summary>
[Collection(SeparateProcesses.Name)]
public sealed class PostgresOutageTests
{
    [Fact]
    public async Task WhileTheDatabaseIsDownAnswersGet503AndAKindMessageAndAfterwardsNothingIsLost()
    {
        await using var postgres = await PostgresServer.StartAsync();
        using var data = new TempFolder("pg-outage");
        await using var server = await VssBotProcess.StartAsync(data.Path, "--Storage:Provider=PostgreSQL", $"--Storage:ConnectionString={postgres.ConnectionString}");
        var chat = new ChatClient(server.Http);
        await chat.StartAsync();
        var acknowledged = new List<string>();
        foreach (var answer in ChatClient.AnswersToPhotos[..4])
        {
            await chat.SayAsync(answer);
            acknowledged.Add(answer);
        }

        await postgres.StopAsync();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            responses.Add(await chat.Http.PostAsJsonAsync($"/api/chat/conversations/{chat.Id}/messages", new { text = "cho mình hỏi" }));
        }

        responses.Add(await server.Http.PostAsync("/api/chat/conversations", null)); // someone new
        foreach (var response in responses)
        {
            await ChatClient.AssertNotSavedAsync(response);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await server.Http.GetAsync("/readyz")).StatusCode);
        Assert.False(server.HasExited, "the process ended: " + server.Output);

        await postgres.StartAgainAsync();
        await Poll.UntilAsync(async () => (await server.Http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(60), "/readyz stayed unhealthy after the database came back");
        foreach (var answer in ChatClient.AnswersToPhotos[4..8])
        {
            await chat.SayAsync(answer);
            acknowledged.Add(answer);
        }

        var said = (await chat.MessagesAsync()).Where(m => m.GetProperty("from").GetString() == "user").Select(m => m.GetProperty("text").GetString()).ToList();
        Assert.All(acknowledged, a => Assert.Equal(1, said.Count(s => s == a)));
        Assert.Contains("Bước", (await chat.MessagesAsync())[^1].GetProperty("text").GetString());
        Assert.DoesNotContain("responded 500", server.Output);
    }

    /// <summary>Ten people write without pause while the database stops and comes back: every
    /// answer is 200 or the kind 503 (never a 500), and every acknowledged message is kept once.</summary>
    [Fact]
    public async Task UnderLoadTheDatabaseStoppingAndComingBackGivesOnly200Or503AndKeepsEveryAcknowledgedMessage()
    {
        await using var postgres = await PostgresServer.StartAsync();
        using var data = new TempFolder("pg-outage-load");
        await using var server = await VssBotProcess.StartAsync(data.Path, "--Storage:Provider=PostgreSQL", $"--Storage:ConnectionString={postgres.ConnectionString}");
        var citizens = new List<ChatClient>();
        for (var i = 0; i < 10; i++)
        {
            var chat = new ChatClient(server.Http);
            await chat.StartAsync();
            citizens.Add(chat);
        }

        var statuses = new System.Collections.Concurrent.ConcurrentQueue<HttpStatusCode>();
        var acknowledged = citizens.ToDictionary(c => c.Id, _ => new System.Collections.Concurrent.ConcurrentQueue<string>());
        using var enough = new CancellationTokenSource();
        var writers = citizens.Select(async chat =>
        {
            for (var n = 0; n < 400 && !enough.IsCancellationRequested; n++)
            {
                var text = $"cho mình hỏi {n}";
                var response = await chat.Http.PostAsJsonAsync($"/api/chat/conversations/{chat.Id}/messages", new { text });
                statuses.Enqueue(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    acknowledged[chat.Id].Enqueue(text);
                }
            }
        }).ToList();

        int Count(HttpStatusCode status) => statuses.Count(s => s == status);
        await Poll.UntilAsync(() => Count(HttpStatusCode.OK) >= 30, TimeSpan.FromSeconds(60), "the citizens were not answered before the stop");
        await postgres.StopAsync();
        await Poll.UntilAsync(() => Count(HttpStatusCode.ServiceUnavailable) >= 10, TimeSpan.FromSeconds(60), "no 503 while the database was down");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await server.Http.GetAsync("/readyz")).StatusCode);
        await postgres.StartAgainAsync();
        var answered = Count(HttpStatusCode.OK);
        await Poll.UntilAsync(() => Count(HttpStatusCode.OK) >= answered + 30, TimeSpan.FromSeconds(60), "the citizens were not answered again after the database came back");
        await enough.CancelAsync();
        await Task.WhenAll(writers);

        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"answered {(int)s}"));
        Assert.False(server.HasExited);
        foreach (var chat in citizens)
        {
            var said = (await chat.MessagesAsync()).Where(m => m.GetProperty("from").GetString() == "user").Select(m => m.GetProperty("text").GetString()).ToList();
            Assert.All(acknowledged[chat.Id], a => Assert.Equal(1, said.Count(s => s == a)));
        }
    }
}
