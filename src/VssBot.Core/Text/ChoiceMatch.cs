namespace VssBot.Core.Text;

/// <summary>The outcome of matching an answer against options: one option, a few
/// suggestions, or nothing close.</summary>
public sealed record ChoiceMatch(ChoiceOption? Chosen, IReadOnlyList<ChoiceOption> Suggestions)
{
    public static readonly ChoiceMatch None = new(null, Array.Empty<ChoiceOption>());

    public static ChoiceMatch Exactly(ChoiceOption option) => new(option, Array.Empty<ChoiceOption>());

    public static ChoiceMatch Suggest(IReadOnlyList<ChoiceOption> options) => new(null, options);
}
