using VssBot.Core.Text;

namespace VssBot.Core.Engine;

/// <summary>Options that depend on data or earlier answers (provinces, wards, offices).</summary>
public interface IChoiceSource
{
    IReadOnlyList<ChoiceOption> Options(StepContext context);

    /// <summary>Whether all options fit as buttons; otherwise the person types and the
    /// closest matches are offered.</summary>
    bool ShowAll(StepContext context);

    /// <summary>Extra lines for the prompt (an office's phone and address), or null.</summary>
    string? Describe(StepContext context);
}
