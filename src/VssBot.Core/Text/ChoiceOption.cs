namespace VssBot.Core.Text;

/// <summary>One option a person can pick: the value stored, the label shown, and the
/// folded keys it can be typed as.</summary>
public sealed record ChoiceOption(string Value, string Label, IReadOnlyList<string> Keys)
{
    public static ChoiceOption Of(string value, string label, params string[] aliases) =>
        new(value, label, new[] { label }.Concat(aliases).Select(VietnameseText.Fold).Where(k => k.Length > 0).Distinct().ToList());
}
