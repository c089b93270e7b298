using VssBot.Core.Engine;
using VssBot.Core.Text;

namespace VssBot.Core.Domain;

/// <summary>The wards and communes of the province answered at <see cref="ProvinceStep"/>;
/// too many for buttons, so the person types and the closest are offered. An old ward
/// ("phường 12 quận 10", "Đằng Giang, Ngô Quyền") leads to today's ward, or to the
/// wards it was divided between; a bare number asks for the old district.</summary>
internal sealed class WardSource(string provinceStep) : IChoiceSource
{
    public string ProvinceStep { get; } = provinceStep;

    public IReadOnlyList<ChoiceOption> Options(StepContext context) =>
        context.AnswerOf(ProvinceStep) is { } code ? context.Content.Units.WardOptions(code) : [];

    public bool ShowAll(StepContext context) => false;

    public string? Describe(StepContext context) => null;

    public Interpretation? Interpret(StepContext context, string text)
    {
        if (context.AnswerOf(ProvinceStep) is not { } code || context.Content.Units.Legacy is not { } legacy)
        {
            return null;
        }

        var texts = context.Content.Texts;
        var match = legacy.Wards(code, VietnameseText.Cap(text));
        if (match.NeedsDistrict)
        {
            var number = UnitNamesKey(text);
            return new Interpretation([], texts.Format("ward_number_needs_district", ("number", number)));
        }

        var options = Options(context);
        var targets = match.Wards.SelectMany(w => w.NewWardCodes).Distinct()
            .Select(c => options.FirstOrDefault(o => o.Value == c)).OfType<ChoiceOption>().ToList();
        if (targets.Count == 0)
        {
            return null;
        }

        var old = match.Wards.Count == 1 ? $"{match.Wards[0].Name}, {match.Wards[0].District}" : match.Wards[0].Name;
        var note = targets.Count == 1
            ? texts.Format("legacy_ward", ("old", old), ("new", targets[0].Label))
            : texts.Format("legacy_ward_split", ("old", old));
        return new Interpretation(targets.Take(8).ToList(), note);
    }

    private static string UnitNamesKey(string text) => Domain.AdminUnits.UnitNames.Key(text);
}
