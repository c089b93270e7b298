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

    public Interpretation? Interpret(StepContext context, string text)
    {
        var units = context.Content.Units;
        if (units.Legacy?.Province(text) is not { } match || units.Province(match.NewCode) is not { } province)
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
