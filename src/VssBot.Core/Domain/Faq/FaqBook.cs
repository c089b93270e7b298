using FuzzySharp;
using VssBot.Core.Dialogs;
using VssBot.Core.Text;

namespace VssBot.Core.Domain.Faq;

/// <summary>
/// Answers questions typed in free text, with or without diacritics, with typos, chat
/// abbreviations and other word orders. Words are weighted by how rare they are across
/// the entries (so "quên" tells more than "mật khẩu"), compared fuzzily (FuzzySharp), and
/// a question is answered only when the best entry scores at least <see cref="Threshold"/>.
/// </summary>
public sealed partial class FaqBook
{
    public const int Threshold = 55;

    private readonly FaqWords _words;
    private readonly List<(FaqEntry Entry, List<string[]> Keys)> _entries;
    private readonly Dictionary<string, double> _weights = [];

    public FaqBook(IReadOnlyList<FaqEntry> entries, FaqWords words)
    {
        _words = words;
        Entries = entries;
        _entries = entries
            .Select(e => (e, e.Phrasings.Prepend(e.Question).Select(t => Words(t, null)).Where(w => w.Length > 0).ToList()))
            .ToList();
        var documentFrequency = new Dictionary<string, int>();
        foreach (var (_, keys) in _entries)
        {
            foreach (var word in keys.SelectMany(k => k).Distinct())
            {
                documentFrequency[word] = documentFrequency.GetValueOrDefault(word) + 1;
            }
        }

        foreach (var (word, count) in documentFrequency)
        {
            _weights[word] = Math.Log(1 + (double)entries.Count / count);
        }
    }

    public IReadOnlyList<FaqEntry> Entries { get; }

    /// <summary>True when the text reads as a question rather than an answer.</summary>
    public bool LooksLikeQuestion(string text)
    {
        var folded = " " + VietnameseText.Fold(text) + " ";
        return text.Contains('?') || _words.QuestionMarkers.Any(m => folded.Contains(" " + m.Trim() + " ", StringComparison.Ordinal))
            || YesNoQuestion().IsMatch(folded);
    }

    // "có mất tiền không", "đăng ký cho con được ko", "đã nhận chưa": a yes/no question ends so.
    [System.Text.RegularExpressions.GeneratedRegex(@" (co|duoc|da|phai|dc) (\w+ )*(khong|ko|k|hok|chua) $")]
    private static partial System.Text.RegularExpressions.Regex YesNoQuestion();

    /// <summary>A question rather than a short command or an answer: it reads as a question and
    /// has at least <paramref name="words"/> words ("cho tôi hỏi đăng ký cho con thế nào ạ").</summary>
    public bool LooksLikeLongQuestion(string text, int words = 5) =>
        LooksLikeQuestion(text) && VietnameseText.Clean(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= words;

    public FaqEntry? Match(string text) => Best(text) is { Score: >= Threshold } best ? best.Entry : null;

    /// <summary>The closest entry and its score (0–100), for tuning and tests.</summary>
    public (FaqEntry? Entry, int Score) Best(string text)
    {
        // Fuzzy matching costs grow with the text: a question is a sentence, not a page.
        var query = Words(VietnameseText.Cap(text), _weights);
        if (query.Length == 0)
        {
            return (null, 0);
        }

        FaqEntry? best = null;
        var bestScore = 0.0;
        foreach (var (entry, keys) in _entries)
        {
            foreach (var key in keys)
            {
                var score = Score(query, key);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = entry;
                }
            }
        }

        return (best, (int)Math.Round(bestScore * 100));
    }

    // F1 of the weighted words of the question found in the key and of the key found in
    // the question: both must be mostly covered.
    private double Score(string[] query, string[] key)
    {
        // One shared word ("tiền") is no match for a key of several.
        var keyWordsFound = key.Count(word => query.Any(q => SameWord(q, word)));
        if (keyWordsFound < Math.Min(2, key.Length))
        {
            return 0;
        }

        var recall = Covered(query, key);
        var precision = Covered(key, query);
        return 2 * recall * precision / (recall + precision);
    }

    /// <summary>The weighted share of <paramref name="words"/> found in <paramref name="other"/>.</summary>
    private double Covered(string[] words, string[] other)
    {
        double total = 0, found = 0;
        foreach (var word in words)
        {
            var weight = Weight(word);
            total += weight;
            if (other.Any(o => SameWord(word, o)))
            {
                found += weight;
            }
        }

        return found / total;
    }

    // A word no entry uses is most often a typo or filler: it counts, but little.
    private double Weight(string word) => _weights.TryGetValue(word, out var weight) ? weight : 0.5;

    // A typo in a longer word still counts; short words must be exact ("khoa" is not "khoan").
    private static bool SameWord(string a, string b) =>
        a == b || (a.Length >= 6 && b.Length >= 6 && Fuzz.Ratio(a, b) >= 80);

    /// <summary>The words that carry meaning: stop words dropped (as written), shorthand
    /// spelt out, and, against a vocabulary, Telex typed without conversion read back
    /// ("ddawng kys" → "dang ky").</summary>
    private string[] Words(string text, IReadOnlyDictionary<string, double>? vocabulary)
    {
        var words = new List<string>();
        var tokens = VietnameseText.Clean(text).ToLower(VssBot.Core.Text.VietnameseText.Vietnamese).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Trim('?', '.', ',', '!', ':', ';', '"', '“', '”', '(', ')')).Where(t => t.Length > 0).ToList();
        var folded = tokens.Select(VietnameseText.Fold).ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            var pairBefore = i > 0 && _words.StopPairs.Contains(folded[i - 1] + " " + folded[i]);
            var pairAfter = i + 1 < tokens.Count && _words.StopPairs.Contains(folded[i] + " " + folded[i + 1]);
            var ambiguous = _words.KeyWordsToo.Contains(folded[i]) && folded[i] == tokens[i];
            var expanded = _words.Shorthand.GetValueOrDefault(folded[i], folded[i]);
            // "không" asks at the end of a question ("có … không?") and negates inside one
            // ("không đăng nhập được"): only the first is a stop word.
            var negation = expanded == "khong" && i < tokens.Count - 1 && !(i == tokens.Count - 2 && folded[^1] is "a" or "vay" or "nhi");
            if (folded[i].Length == 0 || (!negation && _words.FoldedStopWords.Contains(expanded)) || (ambiguous ? pairBefore || pairAfter : !negation && _words.StopWords.Contains(tokens[i])))
            {
                continue;
            }

            foreach (var part in expanded.Split(' '))
            {
                var word = part;
                if (vocabulary is not null && !vocabulary.ContainsKey(word) && Telex(word) is { } read && vocabulary.ContainsKey(read))
                {
                    word = read;
                }

                words.Add(word);
            }
        }

        // Multi-word names to their short form, over the whole word list.
        var joined = " " + string.Join(' ', words) + " ";
        foreach (var (longForm, shortForm) in _words.Abbreviations)
        {
            joined = joined.Replace(" " + longForm + " ", " " + shortForm + " ", StringComparison.Ordinal);
        }

        words = [.. joined.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
        return [.. words];
    }

    // Telex typed without an input method: tone letter at the end, doubled or w-marked vowels.
    private static string? Telex(string word)
    {
        if (word.Length < 3 || !word.All(char.IsAsciiLetter))
        {
            return null;
        }

        var bare = "sfrxj".Contains(word[^1]) ? word[..^1] : word;
        var read = bare.Replace("dd", "d").Replace("aa", "a").Replace("aw", "a").Replace("ee", "e").Replace("oo", "o").Replace("ow", "o").Replace("uw", "u");
        return read == word ? null : read;
    }

    /// <summary>Reads faq.yaml and, beside it, faq-words.yaml.</summary>
    public static FaqBook Load(string path)
    {
        var fileName = Path.GetFileName(path);
        var words = FaqWords.Load(Path.Combine(Path.GetDirectoryName(path)!, "faq-words.yaml"));
        var file = YamlFile.Read<List<EntryFile>>(path);
        return new FaqBook(file.Select((e, i) => e.Id is null || e.Question is null || e.Answer is null
            ? throw new DialogFileException(fileName, null, $"entry #{i + 1}: 'id', 'question' and 'answer' are required")
            : new FaqEntry(e.Id, e.Question, e.Phrasings ?? [], e.Answer.Trim()) { Offer = e.Offer ?? [], Handoff = e.Handoff }).ToList(), words);
    }

    private sealed class EntryFile
    {
        public string? Id { get; set; }
        public string? Question { get; set; }
        public List<string>? Phrasings { get; set; }
        public string? Answer { get; set; }
        public List<string>? Offer { get; set; }
        public bool Handoff { get; set; }
    }
}
