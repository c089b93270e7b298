using VssBot.Core.Engine;
using VssBot.Core.Text;

namespace VssBot.Core.Domain;

/// <summary>The wards and communes of the province answered at <see cref="ProvinceStep"/>;
/// too many for buttons, so the person types and the closest are offered.</summary>
internal sealed class WardSource(string provinceStep) : IChoiceSource
{
    public string ProvinceStep { get; } = provinceStep;

    public IReadOnlyList<ChoiceOption> Options(StepContext context) =>
        context.AnswerOf(ProvinceStep) is { } code ? context.Content.Units.WardOptions(code) : [];

    public bool ShowAll(StepContext context) => false;

    public string? Describe(StepContext context) => null;
}
