using VssBot.Benchmarks;

// dotnet run -c Release --project bench/VssBot.Benchmarks -- [engine|peer|engine-only|http|http-text|pg|telegram|startup|all] [size] [concurrency] [--big-photos] [--tcp]
var what = args.FirstOrDefault() ?? "all";
int Size(int fallback) => args.Length > 1 && int.TryParse(args[1], out var n) ? n : fallback;
Console.WriteLine($"VssBot benchmark, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Console.WriteLine();
// In-process workloads run once unmeasured first (their figures not printed): a server runs
// for days, and for its first seconds the JIT is still recompiling the hot methods.
static async Task WarmUp(Func<Task> run)
{
    var output = Console.Out;
    Console.SetOut(TextWriter.Null);
    try
    {
        await run();
    }
    finally
    {
        Console.SetOut(output);
    }
}

if (what is "engine-only")
{
    await WarmUp(() => EngineOnlyBench.RunAsync(2000, Environment.ProcessorCount, args.Contains("--big-photos")));
    await EngineOnlyBench.RunAsync(Size(20_000), args.Length > 2 && int.TryParse(args[2], out var w) ? w : Environment.ProcessorCount, args.Contains("--big-photos"));
}

if (what is "peer")
{
    await WarmUp(() => EngineBench.RunPeerAsync(2000, 50));
    await EngineBench.RunPeerAsync(Size(5000), args.Length > 2 && int.TryParse(args[2], out var p) ? p : 50);
}

if (what is "engine" or "all")
{
    await WarmUp(() => EngineBench.RunAsync(300, 32));
    await EngineBench.RunAsync(Size(1000), args.Length > 2 && int.TryParse(args[2], out var c) ? c : 32);
}

if (what is "http" or "all")
{
    await HttpBench.RunAsync(Size(200), 32);
}

if (what is "pg")
{
    await PostgresBench.RunAsync(Size(3000), args.Length > 2 && int.TryParse(args[2], out var q) ? q : 50, args.Contains("--tcp"));
}

if (what is "http-text")
{
    await HttpBench.RunTextAsync(Size(3000), args.Length > 2 && int.TryParse(args[2], out var h) ? h : 50);
}

if (what is "telegram" or "all")
{
    await TelegramBench.RunAsync(Size(40));
}

if (what is "startup" or "all")
{
    await StartupBench.RunAsync(Size(100_000));
}
