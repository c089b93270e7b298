using VssBot.Core.Engine;
using VssBot.Core.Text;

namespace VssBot.Core.Domain;

/// <summary>The 34 provinces and centrally governed cities, all shown as buttons.</summary>
internal sealed class ProvinceSource : IChoiceSource
{
    public IReadOnlyList<ChoiceOption> Options(StepContext context) => context.Content.Units.ProvinceOptions;

    public bool ShowAll(StepContext context) => true;

    public string? Describe(StepContext context) => null;
}
