using System.Diagnostics;
using VssBot.Core.Domain;
using VssBot.Core.Engine;

namespace VssBot.Benchmarks;

/// <summary>The engine alone, no store: what a turn costs before any I/O.</summary>
internal static class EngineOnlyBench
{
    public static async Task RunAsync(int citizens)
    {
        var behaviours = RegistrationBehaviours.Create();
        var content = ContentLoader.Load(Repo.Dialogs, behaviours);
        var engine = new DialogEngine(content, behaviours);
        var figures = new Figures($"engine alone (no store), {citizens} citizens, one at a time");
        var perStep = new double[Citizen.Script.Length];
        for (var i = 0; i < citizens; i++)
        {
            var conversation = new Conversation { Id = "c" + i };
            await engine.StartAsync(conversation, "menu", DateTimeOffset.UtcNow);
            for (var s = 0; s < Citizen.Script.Length; s++)
            {
                var answer = Citizen.Script[s];
                var clock = Stopwatch.StartNew();
                await engine.TurnAsync(conversation, answer == Citizen.Photo ? Input.OfPhoto(Citizen.PhotoJpeg) : Input.Of(answer), DateTimeOffset.UtcNow);
                figures.Add(clock.Elapsed);
                perStep[s] += clock.Elapsed.TotalMilliseconds;
            }
        }

        figures.Print(0, 0, ("slowest steps", string.Join(", ", perStep.Select((t, s) => (t, s)).OrderByDescending(x => x.t).Take(4)
            .Select(x => $"“{Citizen.Script[x.s]}” {x.t / citizens:F3} ms"))));
    }
}
