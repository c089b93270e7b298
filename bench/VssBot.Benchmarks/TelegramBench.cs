using System.Diagnostics;
using VssBot.IntegrationTests.Support;

namespace VssBot.Benchmarks;

/// <summary>(c) Citizens on Telegram, through the real channel and Telegram.Bot client,
/// against the local Bot API server, which answers 429 past 30 messages a second.</summary>
internal static class TelegramBench
{
    private static double Steady(FakeBotApi api)
    {
        var times = api.Sent.Select(m => m.At).Order().ToList();
        var from = times[times.Count / 10];
        var to = times[times.Count * 9 / 10];
        return (times.Count * 8 / 10) / (to - from).TotalSeconds;
    }

    public static async Task RunAsync(int chats)
    {
        var folder = Repo.TempDirectory("telegram");
        try
        {
            await using var api = await FakeBotApi.StartAsync();
            await using var host = await HostProcess.StartAsync(folder,
                $"--Telegram:BotToken={FakeBotApi.Token}", $"--Telegram:ApiBaseUrl={api.Url}", "--Telegram:PollTimeoutSeconds=1", "--Telegram:AlbumWaitMs=300");
            var figures = new Figures($"(c) Telegram channel, {chats} chats (1 message/s per chat, 29/s overall)");
            var script = new[] { "/start" }.Concat(Citizen.Script).ToArray();
            var done = 0;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, chats).Select(async i =>
            {
                var chat = 800_000L + i;
                for (var step = 0; step < script.Length; step++)
                {
                    var sent = Stopwatch.StartNew();
                    if (script[step] == Citizen.Photo)
                    {
                        api.SendPhoto(chat, Citizen.PhotoJpeg);
                    }
                    else
                    {
                        api.SendText(chat, script[step]);
                    }

                    var reply = await api.WaitForMessageAsync(chat, step, TimeSpan.FromMinutes(2));
                    figures.Add(sent.Elapsed);
                    if (reply.Text.Contains("Mã hồ sơ"))
                    {
                        Interlocked.Increment(ref done);
                    }
                }
            }));

            var elapsed = clock.Elapsed.TotalSeconds;
            var bytes = Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length);
            figures.Print(done, bytes,
                ("messages sent", api.Sent.Count.ToString()),
                ("messages per second", $"{api.Sent.Count / elapsed:F1} overall, {Steady(api):F1} steady (middle 80 % of the run)"),
                ("429 answered", api.TooManyRequestsAnswered.ToString()),
                ("host peak memory", $"{host.PeakMegabytes} MB"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
