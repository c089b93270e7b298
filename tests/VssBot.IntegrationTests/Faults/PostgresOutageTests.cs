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
}
