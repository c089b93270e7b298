namespace VssBot.IntegrationTests.Support;

/// <summary>A folder of its own for one test (a data folder, a copy of dialogs/),
/// deleted when the test ends.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix) => Path = Directory.CreateTempSubdirectory("vssbot-" + prefix + "-").FullName;

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process killed a moment ago may still hold a file; the OS cleans /tmp.
        }
    }
}
