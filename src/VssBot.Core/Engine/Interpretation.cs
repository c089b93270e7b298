using VssBot.Core.Text;

namespace VssBot.Core.Engine;

/// <summary>A source's reading of free text: the options it points to and a line saying
/// why ("Bình Dương nay thuộc TP Hồ Chí Minh."). <see cref="Fills"/>, when set, are answers
/// of this and later steps that the text also gave (a whole address), to be confirmed.</summary>
public sealed record Interpretation(IReadOnlyList<ChoiceOption> Options, string Note)
{
    public IReadOnlyDictionary<string, Answer>? Fills { get; init; }
}
