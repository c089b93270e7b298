namespace VssBot.Storage;

/// <summary>Configuration section "Retention": how long personal data is kept.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Photos of an approved or rejected dossier are deleted this many days after the decision.</summary>
    public int DecidedPhotoDays { get; set; } = 30;

    /// <summary>A conversation without a dossier and untouched this many days is deleted whole.</summary>
    public int AbandonedDays { get; set; } = 30;

    /// <summary>Wait after start-up before the first sweep, which reads every conversation:
    /// starting is not slowed by it.</summary>
    public int FirstSweepDelaySeconds { get; set; } = 60;

    /// <summary>How often the sweep runs.</summary>
    public int IntervalMinutes { get; set; } = 60;

    /// <summary>Handled channel updates (ids only, for deduplication) are deleted after this many days.</summary>
    public int HandledUpdateDays { get; set; } = 2;
}
