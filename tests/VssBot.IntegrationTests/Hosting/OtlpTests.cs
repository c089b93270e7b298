using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using VssBot.IntegrationTests.Support;

namespace VssBot.IntegrationTests.Hosting;

/// <summary>Metrics and traces pushed to an OpenTelemetry collector (OTLP over HTTP with
/// protobuf), here a local receiver that keeps what it is sent.</summary>
[Collection(SeparateProcesses.Name)]
public sealed class OtlpTests
{
    [Fact]
    public async Task MetricsAndTracesReachTheCollector()
    {
        var received = new ConcurrentQueue<(string Path, byte[] Body)>();
        await using var collector = LocalServer.Build();
        collector.MapPost("/v1/{signal}", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            received.Enqueue((http.Request.Path, body.ToArray()));
            return Results.Ok();
        });
        await collector.StartAsync();
        var port = LocalServer.PortOf(collector);

        using var data = new TempFolder("otlp");
        await using var server = await VssBotProcess.StartAsync(data.Path,
            $"--Metrics:OtlpEndpoint=http://127.0.0.1:{port}/", "--Metrics:OtlpProtocol=http", "--Metrics:OtlpIntervalSeconds=1");
        var chat = new ChatClient(server.Http);
        await chat.StartAsync();
        await chat.SayAsync("1");

        bool Got(string path, string name) => received.Any(r => r.Path == path && Encoding.UTF8.GetString(r.Body).Contains(name, StringComparison.Ordinal));
        await Poll.UntilAsync(() => Got("/v1/metrics", "vssbot.turns"), TimeSpan.FromSeconds(30), "no metrics reached the collector");
        await Poll.UntilAsync(() => Got("/v1/traces", "/api/chat/conversations"), TimeSpan.FromSeconds(30), "no traces reached the collector");
        // The conversation's key (in its messages' path) reaches the collector nowhere.
        Assert.DoesNotContain(received, r => Encoding.UTF8.GetString(r.Body).Contains(chat.Id, StringComparison.Ordinal));
    }
}
