using System.Collections.Concurrent;

namespace VssBot.Core.Text;

/// <summary>One option of a choice: its value, its label, and the folded forms it is matched by.</summary>
public sealed record ChoiceOption(string Value, string Label, IReadOnlyList<string> Keys)
{
    // Labels and aliases come from content (dialogs, offices, provinces, wards, units), a bounded
    // set folded again at every turn otherwise: each is folded once (Unicode normalisation is
    // most of an option's cost). The cap keeps a runaway content source from growing it.
    private static readonly ConcurrentDictionary<string, string> Folded = new();
    private const int MaxFolded = 100_000;

    public static ChoiceOption Of(string value, string label, params string[] aliases)
    {
        var keys = new List<string>(aliases.Length + 1);
        foreach (var text in aliases.Prepend(label))
        {
            var key = Fold(text);
            if (key.Length > 0 && !keys.Contains(key))
            {
                keys.Add(key);
            }
        }

        return new ChoiceOption(value, label, keys);
    }

    private static string Fold(string text)
    {
        if (Folded.TryGetValue(text, out var key))
        {
            return key;
        }

        key = VietnameseText.Fold(text);
        if (Folded.Count < MaxFolded)
        {
            Folded.TryAdd(text, key);
        }

        return key;
    }
}
