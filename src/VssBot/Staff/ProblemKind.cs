namespace VssBot.Staff;

/// <summary>What went wrong, for the console's problem page (its words are in
/// Pages/Problem.razor).</summary>
public enum ProblemKind
{
    NotFound,
    Forged,
    Changed,
    BadDecision,
    StaffMissing,
    StaffRefused,
    TooMany,
    BadUnit,
}
