using System.Diagnostics;

namespace VssBot.IntegrationTests.Support;

/// <summary>
/// A small tmpfs mounted on a folder of its own: a real file system that really fills up
/// (ENOSPC), for the full-disk tests. CI runs as root, as the project's machines do; a
/// machine where it cannot be mounted fails the test, saying so.
/// </summary>
public sealed class Tmpfs : IDisposable
{
    private readonly TempFolder _folder;

    private Tmpfs(TempFolder folder) => _folder = folder;

    public string Path => _folder.Path;

    public static async Task<Tmpfs> MountAsync(string prefix, int megabytes)
    {
        var folder = new TempFolder(prefix);
        var (exit, output) = await RunAsync("mount", "-t", "tmpfs", "-o", $"size={megabytes}m,mode=0700", "tmpfs", folder.Path);
        Assert.True(exit == 0, $"a tmpfs could not be mounted (the full-disk tests run as root): {output}");
        return new Tmpfs(folder);
    }

    /// <summary>Writes zeros into a file until the file system refuses (no space left), then
    /// gives <paramref name="leaveBytes"/> back; returns its path. Deleting it gives the space back.</summary>
    public string Fill(int leaveBytes = 0)
    {
        var path = System.IO.Path.Combine(Path, "filler");
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None);
        var block = new byte[64 * 1024];
        try
        {
            while (true)
            {
                file.Write(block);
            }
        }
        catch (IOException)
        {
            // full
        }

        try
        {
            while (true)
            {
                file.Write(block, 0, 512); // the last few blocks
            }
        }
        catch (IOException)
        {
            // full to the last block
        }

        file.SetLength(Math.Max(0, file.Length - leaveBytes));
        return path;
    }

    public void Dispose()
    {
        RunAsync("umount", "-l", Path).GetAwaiter().GetResult();
        _folder.Dispose();
    }

    private static async Task<(int Exit, string Output)> RunAsync(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
