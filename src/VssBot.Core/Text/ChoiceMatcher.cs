using FuzzySharp;

namespace VssBot.Core.Text;

/// <summary>
/// Picks the option a person meant: by its number in the list, by its text with or
/// without diacritics, or by a close misspelling.
/// </summary>
public static class ChoiceMatcher
{
    /// <summary>Score (0–100) at or above which a misspelt answer is taken as meant.</summary>
    public const int AcceptScore = 85;

    /// <summary>Score at or above which an option is worth suggesting.</summary>
    public const int SuggestScore = 60;

    // Words that name a kind of unit, not a unit: "phuong" alone is no ward's name.
    private static readonly HashSet<string> UnitWords = ["phuong", "xa", "thi tran", "dac khu", "tinh", "thanh pho", "quan", "huyen"];

    public static ChoiceMatch Match(string input, IReadOnlyList<ChoiceOption> options, bool numbersArePositions = true)
    {
        var folded = VietnameseText.Fold(VietnameseText.Cap(input));
        if (folded.Length == 0 || options.Count == 0)
        {
            return ChoiceMatch.None;
        }

        if (numbersArePositions && int.TryParse(folded, out var number) && number >= 1 && number <= options.Count)
        {
            return ChoiceMatch.Exactly(options[number - 1]);
        }

        var scored = new List<(ChoiceOption Option, int Score)>(options.Count);
        foreach (var option in options)
        {
            var best = 0;
            foreach (var key in option.Keys)
            {
                if (key == folded)
                {
                    return ChoiceMatch.Exactly(option);
                }

                best = Math.Max(best, Score(folded, key));
            }

            scored.Add((option, best));
        }

        scored.Sort((a, b) => b.Score.CompareTo(a.Score));
        var top = scored[0];
        var runnerUp = scored.Count > 1 ? scored[1].Score : 0;
        if (top.Score >= AcceptScore && top.Score - runnerUp >= 5)
        {
            return ChoiceMatch.Exactly(top.Option);
        }

        var suggestions = scored.Where(s => s.Score >= SuggestScore).Take(5).Select(s => s.Option).ToList();
        return suggestions.Count == 0 ? ChoiceMatch.None : ChoiceMatch.Suggest(suggestions);
    }

    // How many more words than the option a message that holds it may have.
    private const int HeldOptionSlack = 2;

    private static int WordCount(string text) => text.Count(c => c == ' ') + 1;

    private static int Score(string folded, string key)
    {
        var ratio = Fuzz.Ratio(folded, key);
        // "ba dinh" for "phuong ba dinh": a typed name that is the end of the key counts.
        if (key.EndsWith(" " + folded, StringComparison.Ordinal) && folded.Length >= 3 && !UnitWords.Contains(folded))
        {
            return Math.Max(ratio, 95);
        }

        // "tôi muốn đăng ký cho con" holds the option "đăng ký cho con" whole: the longer
        // the option held, the surer the match.
        // Only in a short message: a sentence that happens to hold an option's words ("tôi đã
        // đăng ký nhưng chưa nhận được mật khẩu") is not a choice of it.
        if (key.Length >= 4 && WordCount(folded) <= WordCount(key) + HeldOptionSlack && (" " + folded + " ").Contains(" " + key + " ", StringComparison.Ordinal))
        {
            ratio = Math.Max(ratio, Math.Min(99, 80 + key.Length));
        }

        if (folded.Length >= 4)
        {
            ratio = Math.Max(ratio, Fuzz.TokenSortRatio(folded, key) - 5);
        }

        // The start of a name ("phuc" for "Phúc Xá") is worth suggesting, never taking.
        if (folded.Length >= 3 && (key.StartsWith(folded, StringComparison.Ordinal) || key.Contains(" " + folded, StringComparison.Ordinal)))
        {
            ratio = Math.Max(ratio, 75);
        }

        return ratio;
    }
}
