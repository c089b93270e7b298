using System.ComponentModel.DataAnnotations;

namespace VssBot.Backups;

/// <summary>Backups of the embedded store: off until Backup:Directory is set.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Where the copies go (named by UTC time); empty: no backups.</summary>
    public string? Directory { get; set; }

    [Range(1, 525_600, ErrorMessage = "Backup:IntervalMinutes must be between {1} and {2}")]
    public int IntervalMinutes { get; set; } = 1440;

    [Range(0, 86_400, ErrorMessage = "Backup:FirstDelaySeconds must be between {1} and {2}")]
    public int FirstDelaySeconds { get; set; } = 300;

    [Range(1, 1000, ErrorMessage = "Backup:Keep must be between {1} and {2}")]
    public int Keep { get; set; } = 7;

    public bool Enabled => !string.IsNullOrWhiteSpace(Directory);
}
