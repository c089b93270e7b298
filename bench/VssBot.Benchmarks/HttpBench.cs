using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace VssBot.Benchmarks;

/// <summary>(b) The same citizens over HTTP through the web-chat API of a VssBot process
/// (photos go through the real photo intake: decode, orient, re-encode).</summary>
internal static class HttpBench
{
    public static Task RunAsync(int citizens, int concurrency) => RunAsync(citizens, concurrency, Citizen.Script, "(b) HTTP web-chat API");

    /// <summary>Text turns only: the twelve answers before the photos.</summary>
    public static Task RunTextAsync(int citizens, int concurrency) =>
        RunAsync(citizens, concurrency, Citizen.Script.TakeWhile(a => a != Citizen.Photo).ToArray(), "(b) HTTP web-chat API, text turns");

    private static async Task RunAsync(int citizens, int concurrency, string[] script, string label, params string[] settings)
    {
        var folder = Repo.TempDirectory("http");
        try
        {
            await using var host = await HostProcess.StartAsync(folder, settings);
            var figures = new Figures($"{label}, {citizens} citizens, {concurrency} at a time");
            var done = 0;

            async Task ConverseAsync(Figures? measured)
            {
                var created = await host.Http.PostAsync("/api/chat/conversations", null);
                var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString();
                string last = "";
                foreach (var answer in script)
                {
                    var clock = Stopwatch.StartNew();
                    HttpResponseMessage response;
                    if (answer == Citizen.Photo)
                    {
                        using var form = new MultipartFormDataContent();
                        var file = new ByteArrayContent(Citizen.PhotoJpeg);
                        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
                        form.Add(file, "photo", "photo.jpg");
                        response = await host.Http.PostAsync($"/api/chat/conversations/{id}/messages", form);
                    }
                    else
                    {
                        response = await host.Http.PostAsJsonAsync($"/api/chat/conversations/{id}/messages", new { text = answer });
                    }

                    last = await response.Content.ReadAsStringAsync();
                    measured?.Add(clock.Elapsed);
                }

                if (measured is not null && (last.Contains("VB-") || script.Length < Citizen.Script.Length))
                {
                    Interlocked.Increment(ref done);
                }
            }

            // Unmeasured first, as the in-process workloads: the host's JIT warms up.
            var options = new ParallelOptions { MaxDegreeOfParallelism = concurrency };
            await Parallel.ForEachAsync(Enumerable.Range(0, Math.Min(200, citizens)), options, async (_, _) => await ConverseAsync(null));
            await Parallel.ForEachAsync(Enumerable.Range(0, citizens), options, async (_, _) => await ConverseAsync(figures));

            var bytes = Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length);
            figures.Print(done, bytes, ("host peak memory", $"{host.PeakMegabytes} MB"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
