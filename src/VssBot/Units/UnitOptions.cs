using System.ComponentModel.DataAnnotations;

namespace VssBot.Units;

/// <summary>Configuration section "Units": campaigns of schools and employers.</summary>
public sealed class UnitOptions
{
    public const string Section = "Units";

    /// <summary>The web chat's address as people reach it; invite links start with it.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5080";

    /// <summary>Days after approval when the bot asks whether the person could log in.</summary>
    [Range(1, 365, ErrorMessage = "Units:LoginCheckDays must be between {1} and {2}")]
    public int LoginCheckDays { get; set; } = 3;

    /// <summary>At most one reminder per person in this many days.</summary>
    [Range(1, 365, ErrorMessage = "Units:ReminderIntervalDays must be between {1} and {2}")]
    public int ReminderIntervalDays { get; set; } = 3;

    /// <summary>How often approved dossiers are looked at for the login question.</summary>
    [Range(1, 10080, ErrorMessage = "Units:CheckMinutes must be between {1} and {2}")]
    public int CheckMinutes { get; set; } = 60;
}
