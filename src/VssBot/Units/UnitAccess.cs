using VssBot.Core.Domain.Units;
using VssBot.Core.Staff;

namespace VssBot.Units;

/// <summary>Which units a staff account sees: a coordinator, their unit and its sub-units;
/// office staff, their offices' units; admins, all. Another unit is "not found".</summary>
public static class UnitAccess
{
    public static IReadOnlyList<Unit> Visible(StaffAccount me, IUnitStore store)
    {
        if (me.Unit is { } code)
        {
            if (store.FindUnit(code) is not { } own)
            {
                return [];
            }

            var all = store.Units(own.OfficeId);
            var below = UnitTree.Below(own.Code, all);
            return all.Where(u => below.Contains(u.Code)).ToList();
        }

        return me.IsAdmin ? store.Units() : me.Offices.SelectMany(o => store.Units(o)).ToList();
    }

    public static Unit? Find(StaffAccount me, IUnitStore store, string code) =>
        Unit.CleanCode(code) is { } clean ? Visible(me, store).FirstOrDefault(u => u.Code == clean) : null;

    /// <summary>Making and changing units: the office's staff and admins, never a coordinator.</summary>
    public static bool CanManage(StaffAccount me, string officeId) => me.Unit is null && (me.IsAdmin || me.Offices.Contains(officeId));
}
