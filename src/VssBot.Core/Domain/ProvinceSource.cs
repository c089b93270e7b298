using VssBot.Core.Domain.AdminUnits;
using VssBot.Core.Engine;
using VssBot.Core.Text;

namespace VssBot.Core.Domain;

/// <summary>The 34 provinces and centrally governed cities, all shown as buttons; old and
/// colloquial names ("Bình Dương", "tp hcm", "Hà Tây", "quận 10") lead to today's province.</summary>
internal sealed class ProvinceSource : IChoiceSource
{
    public IReadOnlyList<ChoiceOption> Options(StepContext context) => context.Content.Units.ProvinceOptions;

    public bool ShowAll(StepContext context) => true;

    public string? Describe(StepContext context) => null;

    public Interpretation? Interpret(StepContext context, string text) => Address(context, text) ?? Province(context, text);

    /// <summary>A whole address typed at the province step ("Số 5 Lạch Tray, phường Gia Viên,
    /// Hải Phòng"; old units too): province, ward and street, offered to confirm.</summary>
    private static Interpretation? Address(StepContext context, string text)
    {
        // An address is a sentence: longer text, or more parts than an address has, is not read.
        var parts = VietnameseText.Cap(text).Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length is < 2 or > 8)
        {
            return null;
        }

        // The province: a part naming it today, or the old way, or the whole text.
        var units = context.Content.Units;
        var province = parts.Reverse()
            .Select(p => ChoiceMatcher.Match(p, units.ProvinceOptions, numbersArePositions: false).Chosen?.Value ?? units.Legacy?.Province(p)?.NewCode)
            .FirstOrDefault(c => c is not null) ?? units.Legacy?.Province(text)?.NewCode;
        // The ward is asked right after the province, the street right after the ward.
        var here = context.Dialog.Step(context.Conversation.StepId);
        var wardStep = here.Next is { } afterProvince && context.Dialog.HasStep(afterProvince) && context.Dialog.Step(afterProvince) is { Source: not null } w ? w : null;
        if (province is null || units.Province(province) is not { } found || wardStep is null)
        {
            return null;
        }

        // The ward: a part naming today's ward exactly, or an old ward (with its district) of one target.
        var wardOptions = units.WardOptions(province);
        var wardIndex = -1;
        ChoiceOption? ward = null;
        for (var i = 0; i < parts.Length && ward is null; i++)
        {
            var folded = VietnameseText.Fold(parts[i]);
            ward = wardOptions.FirstOrDefault(o => o.Keys.Contains(folded) && UnitNames.TypeOf(UnitNames.Expand(parts[i])).Length > 0);
            if (ward is null && units.Legacy is { } legacy && UnitNames.TypeOf(UnitNames.Expand(parts[i])) is "phuong" or "xa" or "thi tran"
                && legacy.Wards(province, string.Join(", ", parts[i..])) is { Wards.Count: > 0 } old
                && old.Wards.SelectMany(w => w.NewWardCodes).Distinct().ToList() is [var only])
            {
                ward = wardOptions.FirstOrDefault(o => o.Value == only);
            }

            wardIndex = ward is null ? -1 : i;
        }

        if (ward is null || wardIndex == 0)
        {
            return null;
        }

        var streetStep = wardStep.Next is { } next && context.Dialog.HasStep(next) ? context.Dialog.Step(next) : null;
        var street = string.Join(", ", parts[..wardIndex]);
        var fills = new Dictionary<string, Answer>
        {
            [here.Id] = Answer.Of(found.Code, units.ProvinceOptions.First(o => o.Value == found.Code).Label),
            [wardStep.Id] = Answer.Of(ward.Value, ward.Label),
        };
        if (streetStep is { Validator: "street" } && Validation.StreetAddress.Check(street, context.Content.Validation) is { IsValid: true } checkedStreet)
        {
            fills[streetStep.Id] = Answer.Of(checkedStreet.Value!, checkedStreet.Display);
        }

        return new Interpretation([], "") { Fills = fills };
    }

    private static Interpretation? Province(StepContext context, string text)
    {
        var units = context.Content.Units;
        if (units.Legacy?.Province(VietnameseText.Cap(text)) is not { } match || units.Province(match.NewCode) is not { } province)
        {
            return null;
        }

        var option = units.ProvinceOptions.First(o => o.Value == province.Code);
        var note = VietnameseText.Fold(match.OldName) == VietnameseText.Fold(province.Name)
            ? ""
            : context.Content.Texts.Format("legacy_province", ("old", match.OldName), ("new", province.FullName));
        return new Interpretation([option], note);
    }
}
