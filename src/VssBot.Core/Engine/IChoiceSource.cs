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

    /// <summary>What a text that matches no option exactly means here, when the source
    /// knows more than its options (an old place name): one option to take, several to
    /// offer, or none with a message; null when it means nothing to the source.</summary>
    Interpretation? Interpret(StepContext context, string text) => null;
}
