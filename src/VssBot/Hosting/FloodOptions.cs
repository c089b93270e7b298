using System.ComponentModel.DataAnnotations;

namespace VssBot.Hosting;

/// <summary>Configuration section "Flood": messages per conversation or chat (a burst, then so many a minute).</summary>
public sealed class FloodOptions
{
    public const string Section = "Flood";

    [Range(1, 1000000, ErrorMessage = "Flood:Burst must be between {1} and {2}")]
    public int Burst { get; set; } = 20;

    [Range(1, 1000000, ErrorMessage = "Flood:PerMinute must be between {1} and {2}")]
    public int PerMinute { get; set; } = 40;
}
