using System.Globalization;
using System.Text;

namespace VssBot.Core.Text;

/// <summary>
/// Removes the words people put around an answer ("Tôi tên là …", "dạ …", "… ạ",
/// "sđt: …"), read from dialogs/answers.yaml, so that the answer alone is checked and
/// stored. Typed without diacritics, a word of three letters or more, or one in a phrase of
/// several words, still matches; a lone short word only as written ("ạ", not the name "A").
/// </summary>
public sealed class AnswerWords
{
    private readonly List<string[]> _before;
    private readonly List<string[]> _after;

    // Each phrase word's folded form, made once (folding is Unicode normalisation: not per turn).
    private readonly Dictionary<string, string> _folded;

    public AnswerWords(IEnumerable<string> before, IEnumerable<string> after)
    {
        // Longest phrases first, so that "tôi tên là" is removed whole, not just "tôi".
        _before = [.. before.Select(Words).Where(w => w.Length > 0).OrderByDescending(w => w.Length)];
        _after = [.. after.Select(Words).Where(w => w.Length > 0).OrderByDescending(w => w.Length)];
        _folded = _before.Concat(_after).SelectMany(w => w).Distinct().ToDictionary(w => w, VietnameseText.Fold);
    }

    public static readonly AnswerWords None = new([], []);

    /// <summary>The answer without the words around it; the text itself when nothing is left.</summary>
    public string Unwrap(string text)
    {
        var tokens = VietnameseText.Clean(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var forms = new Dictionary<string, (string Lower, string Folded)>();
        var changed = true;
        while (changed && tokens.Count > 0)
        {
            changed = false;
            changed |= TrimEdgePunctuation(tokens);
            foreach (var phrase in _before)
            {
                if (StartsWith(tokens, phrase, forms) && tokens.Count > phrase.Length)
                {
                    tokens.RemoveRange(0, phrase.Length);
                    changed = true;
                    break;
                }
            }

            foreach (var phrase in _after)
            {
                if (EndsWith(tokens, phrase, forms) && tokens.Count > phrase.Length)
                {
                    tokens.RemoveRange(tokens.Count - phrase.Length, phrase.Length);
                    changed = true;
                    break;
                }
            }
        }

        var answer = string.Join(' ', tokens).Trim().TrimEnd('.', '!', ',', ';').TrimStart(':', '-', ',').Trim();
        return answer.Length == 0 ? text : answer;
    }

    // ":" or "-" standing alone, and a trailing "." or "!" glued to the last word.
    private static bool TrimEdgePunctuation(List<string> tokens)
    {
        var changed = false;
        while (tokens.Count > 1 && Punctuation(tokens[0]))
        {
            tokens.RemoveAt(0);
            changed = true;
        }

        while (tokens.Count > 1 && Punctuation(tokens[^1]))
        {
            tokens.RemoveAt(tokens.Count - 1);
            changed = true;
        }

        return changed;
    }

    private static bool Punctuation(string token) => token.All(c => !char.IsLetterOrDigit(c));

    private bool StartsWith(List<string> tokens, string[] phrase, Dictionary<string, (string Lower, string Folded)> forms)
    {
        if (tokens.Count < phrase.Length)
        {
            return false;
        }

        for (var i = 0; i < phrase.Length; i++)
        {
            // "sđt:" and "là," carry their punctuation: the last word of the phrase may.
            var token = i == phrase.Length - 1 ? tokens[i].TrimEnd(':', ',', '-', '.') : tokens[i];
            if (!Same(token, phrase[i], phrase.Length > 1, forms))
            {
                return false;
            }
        }

        return true;
    }

    private bool EndsWith(List<string> tokens, string[] phrase, Dictionary<string, (string Lower, string Folded)> forms)
    {
        var offset = tokens.Count - phrase.Length;
        if (offset < 0)
        {
            return false;
        }

        for (var i = 0; i < phrase.Length; i++)
        {
            var token = i == phrase.Length - 1 ? tokens[offset + i].TrimEnd('.', '!', ',') : tokens[offset + i];
            if (!Same(token, phrase[i], inPhrase: false, forms))
            {
                return false;
            }
        }

        return true;
    }

    // Typed without diacritics, a word matches when it has three letters or more, or stands
    // in a leading phrase of several words ("toi ten la"); otherwise only as written (a
    // trailing "A" is a name, not "ạ").
    // A token's lower-case and folded forms are made once per answer, whatever the phrases.
    private bool Same(string token, string word, bool inPhrase, Dictionary<string, (string Lower, string Folded)> forms)
    {
        if (!forms.TryGetValue(token, out var form))
        {
            var lower = token.ToLower(VietnameseText.Vietnamese).Normalize(NormalizationForm.FormC);
            form = (lower, VietnameseText.Fold(lower));
            forms[token] = form;
        }

        // Without marks (folding changes nothing), a word may match its folded form.
        return form.Lower == word || ((word.Length >= 3 || inPhrase) && form.Folded == form.Lower && form.Folded == _folded[word]);
    }

    private static string[] Words(string phrase) =>
        phrase.ToLower(VietnameseText.Vietnamese).Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
