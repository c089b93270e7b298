using System.ComponentModel.DataAnnotations;

namespace VssBot.Hosting;

/// <summary>Configuration section "Handoff": when people waiting for staff are told nobody came yet.</summary>
public sealed class HandoffOptions
{
    public const string Section = "Handoff";

    [Range(0.1, 1440, ErrorMessage = "Handoff:ClaimTimeoutMinutes must be between {1} and {2}")]
    public double ClaimTimeoutMinutes { get; set; } = 5;

    [Range(0.01, 3600, ErrorMessage = "Handoff:CheckSeconds must be between {1} and {2}")]
    public double CheckSeconds { get; set; } = 15;
}
