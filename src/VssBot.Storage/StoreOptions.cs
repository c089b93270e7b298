namespace VssBot.Storage;

/// <summary>Configuration section "Storage".</summary>
public sealed class StoreOptions
{
    public const string Section = "Storage";

    /// <summary>Folder holding the database file; created when missing.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Most turns written in one transaction (group commit).</summary>
    public int MaxBatch { get; set; } = 256;
}
