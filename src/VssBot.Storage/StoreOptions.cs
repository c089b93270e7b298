using System.ComponentModel.DataAnnotations;

namespace VssBot.Storage;

/// <summary>Configuration section "Storage".</summary>
public sealed class StoreOptions
{
    public const string Section = "Storage";

    public const string LiteDb = "LiteDB";
    public const string PostgreSql = "PostgreSQL";

    /// <summary>"LiteDB" (the embedded default: one file) or "PostgreSQL" (several instances on one database).</summary>
    [RegularExpression("^(LiteDB|PostgreSQL)$", ErrorMessage = "Storage:Provider must be LiteDB or PostgreSQL")]
    public string Provider { get; set; } = LiteDb;

    /// <summary>For PostgreSQL: the Npgsql connection string.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder holding the database file (and the staff sign-in keys); created when missing.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Storage:DataDirectory is required")]
    public string DataDirectory { get; set; } = "./data";

    /// <summary>The key the database file is encrypted with (LiteDB's AES password).
    /// From configuration or the environment (Storage__Password), never from the repository.</summary>
    public string? Password { get; set; }

    /// <summary>Most turns written in one transaction (group commit).</summary>
    [Range(1, 100000, ErrorMessage = "Storage:MaxBatch must be between {1} and {2}")]
    public int MaxBatch { get; set; } = 256;
}
