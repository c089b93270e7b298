using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace VssBot.Benchmarks;

/// <summary>The built VssBot host as its own process, as operators run it.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    public const string Key = "lJzOMlMa06oVmHRmUR-HQiX4bYziX0akacFSv_7Mdnate1F4xRRlM0EYvtg2FCQc";

    private readonly Process _process;

    private HostProcess(Process process, int port, TimeSpan startUp)
    {
        _process = process;
        Port = port;
        StartUp = startUp;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
    }

    public int Port { get; }
    public TimeSpan StartUp { get; }
    public HttpClient Http { get; }

    /// <summary>Peak resident memory of the host (VmHWM), in MB.</summary>
    public long PeakMegabytes =>
        File.ReadLines($"/proc/{_process.Id}/status").Where(l => l.StartsWith("VmHWM:"))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024).FirstOrDefault();

    public static async Task<HostProcess> StartAsync(string dataDirectory, params string[] settings)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Repo.HostDll, $"--urls=http://127.0.0.1:{port}", $"--Storage:DataDirectory={dataDirectory}", $"--Storage:Password={Key}", "--Serilog:MinimumLevel:Default=Warning", "--Flood:Burst=100000", "--RateLimits:ConversationsBurst=100000", "--RateLimits:PhotosBurst=100000", "--RateLimits:HandoffsPerHour=100000", "--Staff:SecureCookies=SameAsRequest" }.Concat(settings))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var name in new[] { "MALLOC_ARENA_MAX", "DOTNET_GCConserveMemory", "DOTNET_GCHeapHardLimit" })
        {
            info.Environment[name] = Environment.GetEnvironmentVariable(name) ?? "";
        }
        var clock = Stopwatch.StartNew();
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("host: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            try
            {
                if ((await probe.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return new HostProcess(process, port, clock.Elapsed);
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("the host did not start");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Http.Dispose();
    }
}
