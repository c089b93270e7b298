using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using VssBot.Core.Conversations;
using VssBot.Core.Domain;
using VssBot.Core.Engine;
using VssBot.Storage;

namespace VssBot.Benchmarks;

/// <summary>Start-up of a VssBot process over a store holding many conversations, and
/// its memory once it answers.</summary>
internal static class StartupBench
{
    public static async Task RunAsync(int conversations)
    {
        var folder = Repo.TempDirectory("startup");
        try
        {
            var fill = Stopwatch.StartNew();
            string someId;
            {
                var behaviours = RegistrationBehaviours.Create();
                var content = ContentLoader.Load(Repo.Dialogs, behaviours);
                using var store = new LiteDbStore(new StoreOptions { DataDirectory = folder, Password = HostProcess.Key });
                var service = new ConversationService(new DialogEngine(content, behaviours, store.ArchivedDialog), store, TimeProvider.System, []);
                var ids = new string[conversations];
                await Parallel.ForEachAsync(Enumerable.Range(0, conversations), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) =>
                {
                    var turn = await service.StartAsync("bench");
                    await service.TurnAsync(turn.Conversation.Id, Input.Of("1"));
                    ids[i] = turn.Conversation.Id;
                });
                someId = ids[conversations / 2];
            }

            var fillSeconds = fill.Elapsed.TotalSeconds;
            var bytes = Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length);
            await using var host = await HostProcess.StartAsync(folder);
            var first = Stopwatch.StartNew();
            var messages = await host.Http.GetFromJsonAsync<JsonElement>($"/api/chat/conversations/{someId}/messages");
            var reply = await host.Http.PostAsJsonAsync($"/api/chat/conversations/{someId}/messages", new { text = "đồng ý" });
            var firstTurn = first.Elapsed;
            Console.WriteLine($"== start-up with {conversations:N0} stored conversations");
            Console.WriteLine($"store filled in       {fillSeconds:F1} s ({bytes / (1024 * 1024)} MB)");
            Console.WriteLine($"start-up to /healthz  {host.StartUp.TotalSeconds:F2} s");
            Console.WriteLine($"first read + turn     {firstTurn.TotalMilliseconds:F0} ms ({messages.GetProperty("messages").GetArrayLength()} messages, {(int)reply.StatusCode})");
            Console.WriteLine($"host peak memory      {host.PeakMegabytes} MB");
            Console.WriteLine();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
