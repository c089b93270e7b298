using System.Globalization;
using VssBot.Core.Domain.Offices;
using VssBot.Core.Domain.Units;

namespace VssBot.Units;

/// <summary>A unit as typed on the command line or in the console, checked the same way in
/// both: a code, a name, a known office, an existing parent of the same office, whole
/// targets, a date. Saving keeps an existing unit's token, so its links stay valid.</summary>
public sealed record UnitForm(string? Code, string Name, string OfficeId, string? Parent, int? Target, int? ChildrenTarget, DateOnly? Deadline, bool Valid)
{
    public static UnitForm Read(string? code, string? name, string? office, string? parent, string? target, string? childrenTarget, string? deadline)
    {
        var valid = true;
        int? Number(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            valid &= int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 10_000_000;
            return valid ? n : null;
        }

        DateOnly? day = null;
        if (!string.IsNullOrWhiteSpace(deadline))
        {
            valid &= DateOnly.TryParseExact(deadline.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed);
            day = valid ? parsed : null;
        }

        return new UnitForm(Unit.CleanCode(code), (name ?? "").Trim(), (office ?? "").Trim(), string.IsNullOrWhiteSpace(parent) ? null : Unit.CleanCode(parent) ?? "?",
            Number(target), Number(childrenTarget), day, valid);
    }

    /// <summary>What is wrong (in English, for the operator's command line), or null.</summary>
    public string? Check(IUnitStore store, OfficeDirectory offices)
    {
        if (Code is null || Name.Length is 0 or > 200 || !Valid)
        {
            return "a code (letters, digits, . - _), a name, whole numbers and a yyyy-MM-dd deadline are needed";
        }

        if (offices.Find(OfficeId) is null)
        {
            return $"unknown office '{OfficeId}'";
        }

        if (Parent is not null && (Parent == Code || store.FindUnit(Parent) is not { } parent || parent.OfficeId != OfficeId
            || UnitTree.Below(Code, store.Units(OfficeId)).Contains(Parent)))
        {
            return $"the parent unit '{Parent}' must exist, belong to the same office and not be below this unit";
        }

        return null;
    }

    public async Task<Unit> SaveAsync(IUnitStore store, TimeProvider clock)
    {
        var unit = store.FindUnit(Code!) ?? new Unit { Code = Code!, Token = Unit.NewToken(), CreatedAt = clock.GetUtcNow() };
        unit.Name = Name;
        unit.OfficeId = OfficeId;
        unit.ParentCode = Parent;
        unit.Target = Target ?? unit.Target;
        unit.ChildrenTarget = ChildrenTarget ?? unit.ChildrenTarget;
        unit.Deadline = Deadline ?? unit.Deadline;
        await store.SaveUnitAsync(unit);
        return unit;
    }
}
