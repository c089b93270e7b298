namespace VssBot.Storage;

/// <summary>No database key outside Development: VssBot refuses to store personal data
/// unencrypted.</summary>
public class StoreKeyMissingException(string message) : Exception(message)
{
    public StoreKeyMissingException()
        : this("No database key: set Storage:Password in configuration or the environment variable Storage__Password " +
    "(a long random secret, kept out of the repository). VssBot will not store personal data unencrypted.")
    {
    }
}

/// <summary>A database key that is too weak (short, patterned, or a word) outside Development.</summary>
public sealed class StoreKeyWeakException() : StoreKeyMissingException(
    $"Storage:Password is too weak: it needs the strength of {KeyStrength.RequiredBits / 8} random bytes and no common word. " +
    "Make one with `VssBot key new` (dotnet run --project src/VssBot -- key new) and keep it out of the repository.");
