using System.Net;
using System.Text;
using VssBot.IntegrationTests.Support;

namespace VssBot.IntegrationTests.Hosting;

/// <summary>ASP.NET Core's conventions hold for operators: ASPNETCORE_URLS decides where the
/// server listens (no Urls key overrides it), and a bad configuration value stops start-up
/// naming its key.</summary>
[Collection(SeparateProcesses.Name)]
public sealed class ConventionTests
{
    [Fact]
    public async Task AspNetCoreUrlsDecidesWhereTheServerListens()
    {
        using var data = new TempFolder("urls");
        var output = new StringBuilder();
        // The event to wait for: the server says where it listens.
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = VssBotProcess.Start([$"--Storage:DataDirectory={data.Path}", $"--Storage:Password={VssBotProcess.TestKey}"],
            line =>
            {
                lock (output)
                {
                    output.AppendLine(line);
                }

                if (VssBotProcess.ListeningPortIn(line) is { } bound)
                {
                    listening.TrySetResult(bound);
                }
            }, environment: new Dictionary<string, string> { ["ASPNETCORE_URLS"] = "http://127.0.0.1:0" }); // port 0: the system's choice

        try
        {
            var port = await listening.Task.WaitAsync(TimeSpan.FromSeconds(120));
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var health = await http.GetAsync("/healthz");
            Assert.True(health.StatusCode == HttpStatusCode.OK, output.ToString());
            Assert.Equal("{\"status\":\"ok\"}", await health.Content.ReadAsStringAsync());
            // Readiness also reads the store.
            Assert.Equal("{\"status\":\"ok\"}", await http.GetStringAsync("/readyz"));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    [Theory]
    [InlineData("--Photos:MaxBytes=-5", "Photos:MaxBytes must be between")]
    [InlineData("--Photos:JpegQuality=abc", "Photos:JpegQuality")]
    [InlineData("--Handoff:CheckSeconds=0", "Handoff:CheckSeconds must be between")]
    [InlineData("--Staff:SecureCookies=Sometimes", "Staff:SecureCookies must be Always, SameAsRequest or empty")]
    [InlineData("--Units:PublicUrl=not-a-url", "Units:PublicUrl must be an absolute http(s) address")]
    [InlineData("--Proxy:KnownProxies:0=10.0.0.300", "Proxy:KnownProxies must be IP addresses")]
    [InlineData("--Storage:Provider=Oracle", "Storage:Provider must be LiteDB or PostgreSQL")]
    [InlineData("--Storage:Provider=PostgreSQL", "Storage:ConnectionString is required with Storage:Provider PostgreSQL")]
    public async Task ABadValueStopsStartUpNamingItsKey(string setting, string expected)
    {
        using var data = new TempFolder("bad-config");
        var output = new StringBuilder();
        using var process = VssBotProcess.Start([$"--Storage:DataDirectory={data.Path}", $"--Storage:Password={VssBotProcess.TestKey}", "--urls=http://127.0.0.1:0", setting],
            line => { lock (output) { output.AppendLine(line); } });
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("VssBot cannot start: configuration:", output.ToString());
        Assert.Contains(expected, output.ToString());
    }
}
