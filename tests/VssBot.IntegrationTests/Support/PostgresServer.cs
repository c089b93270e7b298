using System.Diagnostics;
using System.Text;

namespace VssBot.IntegrationTests.Support;

/// <summary>
/// A throw-away PostgreSQL cluster as an ordinary process: initdb in a temporary folder, its
/// own port on 127.0.0.1 and its own socket folder, stopped and deleted at the end. No Docker.
/// As root (CI containers), the cluster runs as the "postgres" user Debian's package made.
/// test.sh installs Debian's postgresql when missing.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _bin;

    private PostgresServer(string folder, string bin, int port)
    {
        _folder = folder;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true";

    /// <summary>The same server through its Unix socket (how a client on the server's own
    /// machine connects: no TCP loopback work for the kernel).</summary>
    public string SocketConnectionString => $"Host={_folder};Port={Port};Username=postgres;Database=postgres;Pooling=true";

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL is not installed (test.sh installs Debian's postgresql)");
        var folder = Path.Combine(Path.GetTempPath(), "vssbot-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["postgres:postgres", folder]);
        }

        var server = new PostgresServer(folder, bin, FreePort());
        await server.AsOwnerAsync("initdb", ["-D", Path.Combine(folder, "data"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
        // PostgreSQL cannot bind port 0, so the port is one found free a moment before: when
        // something took it meanwhile ("could not bind"), the cluster starts on another one.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await server.AsOwnerAsync("pg_ctl", ["-D", Path.Combine(folder, "data"), "-l", Path.Combine(folder, "log"), "-w", "-t", "120", "start",
                    "-o", $"-p {server.Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=400"]);
                return server;
            }
            catch (InvalidOperationException) when (attempt < 5 && File.ReadAllText(Path.Combine(folder, "log")).Contains("could not bind", StringComparison.Ordinal))
            {
                server = new PostgresServer(folder, bin, FreePort());
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops the server (fast shutdown: clients are cut off), as an operator's restart
    /// or a crashed database does; <see cref="StartAgainAsync"/> brings it back on the same port.</summary>
    public Task StopAsync() =>
        AsOwnerAsync("pg_ctl", ["-D", Path.Combine(_folder, "data"), "-m", "fast", "-w", "stop"]);

    public Task StartAgainAsync() =>
        AsOwnerAsync("pg_ctl", ["-D", Path.Combine(_folder, "data"), "-l", Path.Combine(_folder, "log"), "-w", "-t", "120", "start",
            "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=400"]);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await AsOwnerAsync("pg_ctl", ["-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop"]);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    // The cluster's programs, as its owner: this user, or "postgres" when the tests run as root.
    private Task AsOwnerAsync(string program, string[] arguments) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, program), .. arguments])
            : RunAsync(Path.Combine(_bin, program), arguments);

    private static async Task RunAsync(string program, string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        output.Append(await stdout).Append(await stderr);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {output}");
        }
    }
}
