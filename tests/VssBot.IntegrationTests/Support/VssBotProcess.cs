using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VssBot.IntegrationTests.Support;

/// <summary>
/// VssBot as an operator runs it: a separate process of the built host, on a port of
/// its own on 127.0.0.1, with its console output kept so that tests can read the logs.
/// </summary>
public sealed partial class VssBotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private VssBotProcess(Process process, int port, StringBuilder output)
    {
        _process = process;
        _output = output;
        Port = port;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
    }

    /// <summary>The database key the tests run the production host with.</summary>
    public const string TestKey = "XyasNiLetuVqvK-8K9vnOvCsJwZj4dCyGGCrZlNauNo60tqNIJghN90RrKCFDY1y";

    public int Port { get; }

    /// <summary>The process ended (it must not, whatever the fault).</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Peak resident memory of the process (VmHWM), in MB.</summary>
    public long PeakMegabytes =>
        File.ReadLines($"/proc/{_process.Id}/status").Where(l => l.StartsWith("VmHWM:"))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024).FirstOrDefault();
    public HttpClient Http { get; }

    public string Output => Text(_output);

    public static Process Start(IEnumerable<string> arguments, Action<string> onLine, string? input = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repo.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Repo.HostDll);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        void Line(DataReceivedEventArgs e)
        {
            if (e.Data is not null)
            {
                onLine(e.Data);
            }
        }

        process.OutputDataReceived += (_, e) => Line(e);
        process.ErrorDataReceived += (_, e) => Line(e);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (input is not null)
        {
            process.StandardInput.WriteLine(input);
            process.StandardInput.Close();
        }

        return process;
    }

    /// <summary>Runs a command (`unit add …`, `data migrate …`) to its end on the data folder;
    /// returns what it printed, after checking its exit code.</summary>
    public static async Task<string> RunCommandAsync(string dataDirectory, string[] words, int expectedExit = 0)
    {
        var output = new StringBuilder();
        // The command's own settings after the defaults, so they win.
        using var run = Start([.. words.TakeWhile(w => !w.StartsWith('-')), $"--Storage:DataDirectory={dataDirectory}", $"--Storage:Password={TestKey}", .. words.SkipWhile(w => !w.StartsWith('-'))],
            line => { lock (output) { output.AppendLine(line); } });
        await run.WaitForExitAsync();
        Assert.True(run.ExitCode == expectedExit, output.ToString());
        return output.ToString();
    }

    /// <summary>Starts the host on a port the system gives it when it binds (port 0), read
    /// from its "Now listening on" line: no port is chosen beforehand that something else
    /// could take in the meantime.</summary>
    public static Task<VssBotProcess> StartAsync(string dataDirectory, params string[] settings) =>
        StartAsync(dataDirectory, 0, settings);

    /// <summary>Starts the host on <paramref name="port"/> (a restart on the port an earlier
    /// process of the same test had), or on a port of the system's choosing when it is 0.</summary>
    public static async Task<VssBotProcess> StartAsync(string dataDirectory, int port, params string[] settings)
    {
        var output = new StringBuilder();
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = Start(
            [$"--urls=http://127.0.0.1:{port}", $"--Storage:DataDirectory={dataDirectory}", $"--Storage:Password={TestKey}", "--Serilog:MinimumLevel:Default=Verbose", "--Flood:Burst=100000", "--Staff:SecureCookies=SameAsRequest", .. settings],
            line =>
            {
                lock (output)
                {
                    output.AppendLine(line);
                }

                if (ListeningPortIn(line) is { } bound)
                {
                    listening.TrySetResult(bound);
                }
            });
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException($"VssBot exited with {process.ExitCode}: {Text(output)}"));
        if (process.HasExited)
        {
            listening.TrySetException(new InvalidOperationException($"VssBot exited with {process.ExitCode}: {Text(output)}"));
        }

        int bound;
        try
        {
            // A bound on a hang only: a loaded machine starts the host in seconds.
            bound = await listening.Task.WaitAsync(TimeSpan.FromSeconds(120));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("VssBot did not say where it listens within 120 s: " + Text(output));
        }

        var started = new VssBotProcess(process, bound, output);
        await Poll.UntilAsync(async () =>
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"VssBot exited with {process.ExitCode}: {started.Output}");
            }

            try
            {
                return (await started.Http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60), () => "VssBot listens but /healthz did not answer 200 within 60 s: " + started.Output);
        return started;
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    /// <summary>The port in the host's "Now listening on: http://127.0.0.1:N" line, or null
    /// for any other line.</summary>
    public static int? ListeningPortIn(string line) =>
        line.Contains("Now listening on", StringComparison.Ordinal) && ListeningPort().Match(line) is { Success: true } bound
            ? int.Parse(bound.Groups[1].Value)
            : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"http://127\.0\.0\.1:(\d+)")]
    private static partial System.Text.RegularExpressions.Regex ListeningPort();

    /// <summary>SIGKILL: no shutdown code runs, as when the machine loses power.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
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
