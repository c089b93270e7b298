using System.Diagnostics;
using VssBot.Core.Domain;
using VssBot.Core.Engine;

namespace VssBot.Benchmarks;

/// <summary>The engine alone, no store: what a turn costs before any I/O. The peer workload's
/// answers and ~2 KB photos, <c>workers</c> citizens at a time (one per core by default).</summary>
internal static class EngineOnlyBench
{
    public static async Task RunAsync(int citizens, int workers, bool bigPhotos)
    {
        var behaviours = RegistrationBehaviours.Create();
        var content = ContentLoader.Load(Repo.Dialogs, behaviours);
        var engine = new DialogEngine(content, behaviours);
        var photo = bigPhotos ? Citizen.PhotoJpeg : Citizen.SmallPhotoJpeg;
        var figures = new Figures($"engine alone (no store), {citizens} citizens, {workers} at a time, {photo.Length / 1024.0:F1} KB photos");
        var perStep = new double[Citizen.Script.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, citizens), new ParallelOptions { MaxDegreeOfParallelism = workers }, async (i, _) =>
        {
            var conversation = new Conversation { Id = "c" + i };
            await engine.StartAsync(conversation, "menu", DateTimeOffset.UtcNow);
            for (var s = 0; s < Citizen.Script.Length; s++)
            {
                var answer = Citizen.Script[s];
                var clock = Stopwatch.StartNew();
                await engine.TurnAsync(conversation, answer == Citizen.Photo ? Input.OfPhoto(photo) : Input.Of(answer), DateTimeOffset.UtcNow);
                figures.Add(clock.Elapsed);
                lock (perStep)
                {
                    perStep[s] += clock.Elapsed.TotalMilliseconds;
                }
            }
        });

        figures.Print(0, 0, ("slowest steps", string.Join(", ", perStep.Select((t, s) => (t, s)).OrderByDescending(x => x.t).Take(4)
            .Select(x => $"“{Citizen.Script[x.s]}” {x.t / citizens:F3} ms"))));
    }
}
