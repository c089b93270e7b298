using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Engine;

namespace VssBot.Core.Domain.Units;

/// <summary>
/// A unit's figures, computed from its conversations and dossiers (never typed), as they
/// stood at a moment: every figure counts only what had happened by then, so the same
/// function gives the state at the deadline and now.
/// </summary>
public sealed record UnitProgress(int Started, int Submitted, int Approved, int Form01Received, int LoggedIn, int Children, int Target, int ChildrenTarget)
{
    public const string ChildDialog = "child-enrollment";

    public static UnitProgress At(Unit unit, IReadOnlyList<Conversation> conversations, IReadOnlyList<Dossier> dossiers, DateTimeOffset asOf)
    {
        var adults = dossiers.Where(d => d.DialogId != ChildDialog && d.CreatedAt <= asOf).ToList();
        return new UnitProgress(
            Started: conversations.Count(c => c.CreatedAt <= asOf),
            Submitted: adults.Count,
            Approved: adults.Count(d => d.Status == DossierStatus.Approved && d.DecidedAt <= asOf),
            Form01Received: adults.Count(d => d.Form01ReceivedAt <= asOf),
            LoggedIn: adults.Count(d => d.LoggedInAt <= asOf),
            Children: dossiers.Count(d => d.DialogId == ChildDialog && d.CreatedAt <= asOf),
            Target: unit.Target,
            ChildrenTarget: unit.ChildrenTarget);
    }

    /// <summary>Whole days from <paramref name="today"/> to the deadline (negative once past); null without one.</summary>
    public static int? DaysLeft(Unit unit, DateOnly today) => unit.Deadline is { } deadline ? deadline.DayNumber - today.DayNumber : null;

    /// <summary>The end of the deadline day in Vietnam (UTC+7), when "at the deadline" is taken.</summary>
    public static DateTimeOffset? DeadlineEnd(Unit unit) =>
        unit.Deadline is { } deadline ? new DateTimeOffset(deadline.ToDateTime(new TimeOnly(23, 59, 59)), TimeSpan.FromHours(7)) : null;

    /// <summary>People who started through the unit's link and have sent no dossier yet.</summary>
    public static IReadOnlyList<Conversation> Unfinished(IReadOnlyList<Conversation> conversations) =>
        conversations.Where(c => c.Dossiers.Count == 0).OrderBy(c => c.CreatedAt).ToList();
}
