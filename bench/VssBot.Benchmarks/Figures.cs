using System.Diagnostics;

namespace VssBot.Benchmarks;

/// <summary>Latencies and counts of one run, printed as one block of figures.</summary>
internal sealed class Figures(string name)
{
    private readonly List<double> _latencies = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Add(TimeSpan latency)
    {
        lock (_latencies)
        {
            _latencies.Add(latency.TotalMilliseconds);
        }
    }

    public void Print(int dossiers, long storeBytes, params (string Name, string Value)[] extra)
    {
        var elapsed = _clock.Elapsed.TotalSeconds;
        double[] sorted;
        lock (_latencies)
        {
            sorted = [.. _latencies.Order()];
        }

        double P(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        Console.WriteLine($"== {name}");
        Console.WriteLine($"turns                 {sorted.Length}");
        Console.WriteLine($"elapsed               {elapsed:F1} s");
        Console.WriteLine($"turns per second      {sorted.Length / elapsed:F0}");
        Console.WriteLine($"latency p50/p95/p99   {P(0.50):F2} / {P(0.95):F2} / {P(0.99):F2} ms");
        Console.WriteLine($"peak memory           {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB (this process)");
        if (dossiers > 0)
        {
            Console.WriteLine($"dossiers              {dossiers}");
            Console.WriteLine($"store bytes/dossier   {storeBytes / dossiers:N0}");
        }

        foreach (var (key, value) in extra)
        {
            Console.WriteLine($"{key,-22}{value}");
        }

        Console.WriteLine();
    }
}
