namespace VssBot.Core.Tests.Support;

/// <summary>Finds the repository's folders from the test binaries.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Dialogs => Path.Combine(Root, "dialogs");

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
