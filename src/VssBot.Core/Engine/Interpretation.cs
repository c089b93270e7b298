using VssBot.Core.Text;

namespace VssBot.Core.Engine;

/// <summary>A source's reading of free text: the options it points to and a line saying
/// why ("Bình Dương nay thuộc TP Hồ Chí Minh.").</summary>
public sealed record Interpretation(IReadOnlyList<ChoiceOption> Options, string Note);
