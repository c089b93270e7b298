namespace VssBot.Benchmarks;

internal static class Repo
{
    public static string Root { get; } = Find();

    public static string Dialogs => Path.Combine(Root, "dialogs");

    public static string HostDll => Path.Combine(AppContext.BaseDirectory, "VssBot.dll");

    public static string TempDirectory(string name) => Directory.CreateTempSubdirectory($"vssbot-bench-{name}-").FullName;

    private static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "VssBot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("run from the repository (VssBot.sln not found)");
    }
}
