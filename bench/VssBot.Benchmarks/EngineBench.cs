using System.Diagnostics;
using VssBot.Core.Conversations;
using VssBot.Core.Domain;
using VssBot.Core.Engine;
using VssBot.Storage;

namespace VssBot.Benchmarks;

/// <summary>(a) Citizens completing the whole adult registration, with photos, through
/// the engine and the LiteDB store in this process: every turn durable before the next.</summary>
internal static class EngineBench
{
    public static Task RunAsync(int citizens, int concurrency) =>
        RunAsync(citizens, concurrency, Citizen.PhotoJpeg, "(a) engine + LiteDB store");

    /// <summary>The workload other frameworks can run too: the same 16 answers, photos of about 2 KB.</summary>
    public static Task RunPeerAsync(int citizens, int concurrency) =>
        RunAsync(citizens, concurrency, Citizen.SmallPhotoJpeg, "(peer) engine + LiteDB store, ~2 KB photos");

    private static async Task RunAsync(int citizens, int concurrency, byte[] photo, string label)
    {
        var folder = Repo.TempDirectory("engine");
        try
        {
            var behaviours = RegistrationBehaviours.Create();
            var content = ContentLoader.Load(Repo.Dialogs, behaviours);
            using var store = new LiteDbStore(new StoreOptions { DataDirectory = folder, Password = HostProcess.Key });
            var service = new ConversationService(new DialogEngine(content, behaviours, store.ArchivedDialog), store, TimeProvider.System, []);
            var figures = new Figures($"{label}, {citizens} citizens, {concurrency} at a time, {photo.Length / 1024.0:F1} KB photos");
            var failures = 0;
            int[] gcBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
            await Parallel.ForEachAsync(Enumerable.Range(0, citizens), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (_, _) =>
            {
                var started = await service.StartAsync("bench");
                var id = started.Conversation.Id;
                foreach (var answer in Citizen.Script)
                {
                    var input = answer == Citizen.Photo ? Input.OfPhoto(photo) : Input.Of(answer);
                    var clock = Stopwatch.StartNew();
                    var turn = await service.TurnAsync(id, input);
                    figures.Add(clock.Elapsed);
                    if (turn is null)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
            });

            var dossiers = store.AllDossiers().Count;
            var bytes = Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length);
            var gcs = string.Join(" / ", Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - gcBefore[g]));
            figures.Print(dossiers, bytes, ("commits", store.Commits.ToString()), ("log fsyncs", store.Syncs.ToString()), ("GCs gen0/1/2", gcs), ("failed turns", failures.ToString()));
            if (dossiers != citizens)
            {
                throw new InvalidOperationException($"expected {citizens} dossiers, found {dossiers}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
