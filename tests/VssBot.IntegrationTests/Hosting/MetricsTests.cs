using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using VssBot.IntegrationTests.Support;

namespace VssBot.IntegrationTests.Hosting;

/// <summary>GET /metrics (Prometheus) on the real process: a scripted registration moves the
/// counters by what happened, and no label carries anything personal.</summary>
[Collection(SeparateProcesses.Name)]
public sealed partial class MetricsTests
{
    [Fact]
    public async Task ARegistrationMovesTheCountersByWhatHappened()
    {
        using var data = new TempFolder("metrics");
        await SecurityHost.AddStaffAsync(data.Path, "hn", "hn-dong-da");
        await using var server = await VssBotProcess.StartAsync(data.Path);
        var before = Parse(await server.Http.GetStringAsync("/metrics"));

        // One registers (17 turns, 3 photos, a dossier at Đống Đa), then asks for a person (2 turns).
        var citizen = new ChatClient(server.Http);
        var reference = await citizen.RegisterAsync();
        Assert.NotEmpty(reference);
        await citizen.SayAsync("gặp nhân viên");
        await citizen.SayAsync("có");
        var waiting = Parse(await server.Http.GetStringAsync("/metrics"));
        Assert.Equal(1, waiting.GetValueOrDefault("vssbot_handoff_waiting{office=\"hn-dong-da\"}"));

        // Another gets stuck: "DN40" is refused (3 turns).
        var stuck = new ChatClient(server.Http);
        await stuck.StartAsync();
        foreach (var text in new[] { "1", "đồng ý", "DN40" })
        {
            await stuck.SayAsync(text);
        }

        // A staff member of Đống Đa takes the waiting chat.
        using var staff = new StaffBrowser(server.Http.BaseAddress!);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.LoginAsync("hn", SecurityHost.Password)).StatusCode);
        var queue = await staff.Http.GetStringAsync("/staff/queue");
        var id = Regex.Match(queue, "/staff/conversations/([0-9a-f]+)/claim").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync($"/staff/conversations/{id}/claim")).StatusCode);

        var scrape = await server.Http.GetStringAsync("/metrics");
        var after = Parse(scrape);
        double Moved(string series) => after.GetValueOrDefault(series) - before.GetValueOrDefault(series);

        Assert.Equal(2, Moved("vssbot_conversations_started_total{channel=\"web\"}"));
        Assert.Equal(22, Moved("vssbot_turns_total{channel=\"web\",outcome=\"answered\"}"));
        Assert.Equal(22, Moved("vssbot_turn_duration_seconds_count{channel=\"web\"}"));
        Assert.Equal(1, Moved("vssbot_dossiers_submitted_total{dialog=\"adult-registration\",office=\"hn-dong-da\"}"));
        Assert.Equal(1, after.Where(s => s.Key.StartsWith("vssbot_step_failures_total{dialog=\"adult-registration\"", StringComparison.Ordinal)).Sum(s => s.Value));
        Assert.Equal(3, after.Where(s => s.Key.StartsWith("vssbot_photos_total{", StringComparison.Ordinal)).Sum(s => s.Value));
        Assert.True(Moved("vssbot_store_commit_seconds_count") >= 1);
        Assert.Contains("vssbot_outbox_pending{channel=\"telegram\"}", after.Keys);
        Assert.Equal(0, after.Where(s => s.Key.StartsWith("vssbot_handoff_waiting{", StringComparison.Ordinal)).Sum(s => s.Value));
        Assert.Equal(1, Moved("vssbot_handoff_wait_seconds_count{office=\"hn-dong-da\"}"));

        // Every series the Grafana dashboard graphs is one VssBot declares (by its Prometheus name).
        var declared = string.Concat(new[] { "src/VssBot.Core/Telemetry/VssBotMetrics.cs", "src/VssBot/Hosting/Metrics.cs" }
            .Select(f => File.ReadAllText(Path.Combine(Support.Repo.Root, f))));
        var instruments = Instrument().Matches(declared).Select(m => m.Value.Replace('.', '_')).ToHashSet();
        var dashboard = await File.ReadAllTextAsync(Path.Combine(Support.Repo.Root, "deploy", "grafana", "vssbot-dashboard.json"));
        var graphed = SeriesName().Matches(dashboard).Select(m => m.Value).Distinct().ToList();
        Assert.True(graphed.Count >= 10, string.Join(", ", graphed));
        Assert.All(graphed, name => Assert.Contains(Suffix().Replace(name, ""), instruments));

        // Labels hold channels, offices, dialogs, steps and outcomes: never a phone, an ID or a name.
        foreach (Match label in Label().Matches(scrape))
        {
            var value = label.Groups[1].Value;
            Assert.DoesNotMatch(@"\d{9,}", value);
            Assert.DoesNotMatch("(?i)nguy|van an|0912", value);
        }
    }

    [Fact]
    public async Task MetricsCanBeTurnedOff()
    {
        using var data = new TempFolder("metrics-off");
        await using var server = await VssBotProcess.StartAsync(data.Path, "--Metrics:Exposure=Off");
        Assert.Equal(HttpStatusCode.NotFound, (await server.Http.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task ABadExposureStopsStartUpNamingTheKey()
    {
        using var data = new TempFolder("metrics-bad");
        var output = new System.Text.StringBuilder();
        using var run = VssBotProcess.Start([$"--Storage:DataDirectory={data.Path}", $"--Storage:Password={VssBotProcess.TestKey}", "--urls=http://127.0.0.1:0", "--Metrics:Exposure=Public"],
            line => { lock (output) { output.AppendLine(line); } });
        await run.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("Metrics:Exposure", output.ToString());
    }

    // "name{labels} value" → value, keyed by the name and its labels without the scope label.
    private static Dictionary<string, double> Parse(string scrape)
    {
        var series = new Dictionary<string, double>();
        foreach (var line in scrape.Split('\n').Where(l => l.StartsWith("vssbot_", StringComparison.Ordinal)))
        {
            var space = line.LastIndexOf(' ');
            var key = ScopeLabel().Replace(line[..space], "").Replace("{}", "");
            series[key] = double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture);
        }

        return series;
    }

    [GeneratedRegex("otel_scope_name=\"VssBot\",?")]
    private static partial Regex ScopeLabel();

    [GeneratedRegex(@"vssbot_[a-z_]+")]
    private static partial Regex SeriesName();

    [GeneratedRegex(@"(?<="")vssbot\.[a-z_.]+(?="")")]
    private static partial Regex Instrument();

    [GeneratedRegex("(_seconds)?(_bucket|_count|_sum|_total)?$")]
    private static partial Regex Suffix();

    [GeneratedRegex("=\"([^\"]*)\"")]
    private static partial Regex Label();
}
