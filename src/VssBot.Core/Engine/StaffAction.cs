namespace VssBot.Core.Engine;

/// <summary>What a staff member does to a handed-off conversation.</summary>
public enum StaffAction
{
    Claim,
    Say,
    Release,
    Close,

    /// <summary>Not a person: nobody claimed in time, or the office is closed.</summary>
    NobodyAvailable,
}
