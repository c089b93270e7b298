namespace VssBot.Storage;

/// <summary>No database key outside Development: VssBot refuses to store personal data
/// unencrypted.</summary>
public sealed class StoreKeyMissingException() : Exception(
    "No database key: set Storage:Password in configuration or the environment variable Storage__Password " +
    "(a long random secret, kept out of the repository). VssBot will not store personal data unencrypted.");
