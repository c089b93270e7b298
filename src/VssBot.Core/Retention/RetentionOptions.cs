using System.ComponentModel.DataAnnotations;

namespace VssBot.Core.Retention;

/// <summary>Configuration section "Retention": how long personal data is kept.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Photos of an approved or rejected dossier are deleted this many days after the decision.</summary>
    [Range(1, 3650, ErrorMessage = "Retention:DecidedPhotoDays must be between {1} and {2}")]
    public int DecidedPhotoDays { get; set; } = 30;

    /// <summary>A conversation without a dossier and untouched this many days is deleted whole.</summary>
    [Range(1, 3650, ErrorMessage = "Retention:AbandonedDays must be between {1} and {2}")]
    public int AbandonedDays { get; set; } = 30;

    /// <summary>Wait after start-up before the first sweep, which reads every conversation:
    /// starting is not slowed by it.</summary>
    [Range(0, 86400, ErrorMessage = "Retention:FirstSweepDelaySeconds must be between {1} and {2}")]
    public int FirstSweepDelaySeconds { get; set; } = 60;

    /// <summary>How often the sweep runs.</summary>
    [Range(1, 10080, ErrorMessage = "Retention:IntervalMinutes must be between {1} and {2}")]
    public int IntervalMinutes { get; set; } = 60;

    /// <summary>Handled channel updates (ids only, for deduplication) are deleted after this many days.</summary>
    [Range(1, 365, ErrorMessage = "Retention:HandledUpdateDays must be between {1} and {2}")]
    public int HandledUpdateDays { get; set; } = 2;
}
