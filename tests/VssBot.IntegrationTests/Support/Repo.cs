namespace VssBot.IntegrationTests.Support;

/// <summary>Finds the repository and the built host from the test binaries.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Dialogs => Path.Combine(Root, "dialogs");

    /// <summary>The host's own build output (same configuration as the tests).</summary>
    public static string HostDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            return Path.Combine(Root, "src", "VssBot", "bin", configuration, "net10.0", "VssBot.dll");
        }
    }

    public static DirectoryInfo TempDirectory(string prefix) => Directory.CreateTempSubdirectory("vssbot-" + prefix + "-");

    public static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(dir.Replace(from, to));
        }

        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to), overwrite: true);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VssBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("VssBot.sln not found above " + AppContext.BaseDirectory);
    }
}
