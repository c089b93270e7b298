namespace VssBot.Storage;

/// <summary>Configuration section "Storage".</summary>
public sealed class StoreOptions
{
    public const string Section = "Storage";

    /// <summary>Folder holding the database file; created when missing.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>The key the database file is encrypted with (LiteDB's AES password).
    /// From configuration or the environment (Storage__Password), never from the repository.</summary>
    public string? Password { get; set; }

    /// <summary>Most turns written in one transaction (group commit).</summary>
    public int MaxBatch { get; set; } = 256;
}
