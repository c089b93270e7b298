using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Domain.Units;
using VssBot.Core.Engine;
using VssBot.Lists;

namespace VssBot.Units;

/// <summary>What a unit's page shows: its figures now (and at the deadline once it has
/// passed), its sub-units' figures, its dossiers and the people who have not finished.
/// Everything counts the unit and all its sub-units.</summary>
public sealed record UnitReport(Unit Unit, UnitProgress Now, UnitProgress? AtDeadline, int? DaysLeft,
    IReadOnlyList<(Unit Unit, UnitProgress Progress)> SubUnits, IReadOnlyList<Dossier> Dossiers, IReadOnlyList<UnfinishedPerson> Unfinished)
{
    public static UnitReport Build(Unit unit, IUnitStore store, DialogContent content, DateTimeOffset now)
    {
        var all = store.Units(unit.OfficeId);
        var (conversations, dossiers) = Of(unit, all, store);
        var deadline = UnitProgress.DeadlineEnd(unit);
        var subUnits = all.Where(u => u.ParentCode == unit.Code)
            .Select(u =>
            {
                var (c, d) = Of(u, all, store);
                return (u, UnitProgress.At(u, c, d, now));
            })
            .ToList();
        return new UnitReport(unit, UnitProgress.At(unit, conversations, dossiers, now),
            deadline < now ? UnitProgress.At(unit, conversations, dossiers, deadline.Value) : null,
            UnitProgress.DaysLeft(unit, DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(7)).DateTime)),
            subUnits, dossiers.OrderBy(d => d.CreatedAt).ToList(),
            UnitProgress.Unfinished(conversations).Select(c => UnfinishedPerson.Of(c, content)).ToList());
    }

    /// <summary>A unit's figures now, for the office's overview of all its units.</summary>
    public static UnitProgress Summary(Unit unit, IReadOnlyList<Unit> all, IUnitStore store, DateTimeOffset now)
    {
        var (conversations, dossiers) = Of(unit, all, store);
        return UnitProgress.At(unit, conversations, dossiers, now);
    }

    private static (IReadOnlyList<Conversation>, IReadOnlyList<Dossier>) Of(Unit unit, IReadOnlyList<Unit> all, IUnitStore store)
    {
        var codes = UnitTree.Below(unit.Code, all);
        return (store.ConversationsOfUnits(codes), store.DossiersOfUnits(codes));
    }
}
