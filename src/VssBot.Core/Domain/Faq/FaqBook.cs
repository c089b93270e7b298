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
public sealed class FaqBook
{
    public const int Threshold = 55;

    private static readonly string[] QuestionMarkers =
        ["?", "la gi", "o dau", "the nao", "sao", "bao lau", "lam gi", "co can", "co phai", "khi nao", "bao gio", "nhu nao", "ai ", "gi "];

    // Words that carry no subject: dropped before matching.
    private static readonly HashSet<string> StopWords =
    [
        "toi", "minh", "em", "anh", "chi", "ban", "thi", "la", "co", "khong", "duoc", "gi", "sao", "nao", "the",
        "lam", "vay", "a", "oi", "nhe", "nha", "roi", "cua", "cho", "va", "de", "o", "phai", "can", "muon", "hoi",
        "xin", "giup", "voi", "nhu", "ra", "vao", "bi", "da", "se", "dang", "neu", "khi", "con", "cai",
    ];

    // Chat shorthand people type, read as the words they stand for.
    private static readonly Dictionary<string, string> Shorthand = new()
    {
        ["dc"] = "duoc", ["đc"] = "duoc", ["ko"] = "khong", ["k"] = "khong", ["hok"] = "khong", ["j"] = "gi",
        ["mk"] = "mat khau", ["sdt"] = "so dien thoai", ["dt"] = "dien thoai", ["tk"] = "tai khoan",
        ["app"] = "ung dung", ["bh"] = "bao gio", ["ntn"] = "nhu the nao", ["pass"] = "mat khau",
    };

    private readonly List<(FaqEntry Entry, List<string[]> Keys)> _entries;
    private readonly Dictionary<string, double> _weights = [];

    public FaqBook(IReadOnlyList<FaqEntry> entries)
    {
        Entries = entries;
        _entries = entries
            .Select(e => (e, e.Phrasings.Prepend(e.Question).Select(Words).Where(w => w.Length > 0).ToList()))
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
    public static bool LooksLikeQuestion(string text)
    {
        var folded = " " + VietnameseText.Fold(text) + " ";
        return text.Contains('?') || QuestionMarkers.Any(m => folded.Contains(" " + m.Trim() + " ", StringComparison.Ordinal));
    }

    public FaqEntry? Match(string text) => Best(text) is { Score: >= Threshold } best ? best.Entry : null;

    /// <summary>The closest entry and its score (0–100), for tuning and tests.</summary>
    public (FaqEntry? Entry, int Score) Best(string text)
    {
        // Fuzzy matching costs grow with the text: a question is a sentence, not a page.
        var query = Words(VietnameseText.Cap(text));
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

    private static bool SameWord(string a, string b) =>
        a == b || (a.Length >= 4 && b.Length >= 4 && Fuzz.Ratio(a, b) >= 80);

    private static string[] Words(string text) =>
        string.Join(' ', VietnameseText.Fold(text).Replace("?", " ").Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => Shorthand.GetValueOrDefault(w, w)))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !StopWords.Contains(w))
            .ToArray();

    public static FaqBook Load(string path)
    {
        var fileName = Path.GetFileName(path);
        var file = YamlFile.Read<List<EntryFile>>(path);
        return new FaqBook(file.Select((e, i) => e.Id is null || e.Question is null || e.Answer is null
            ? throw new DialogFileException(fileName, null, $"entry #{i + 1}: 'id', 'question' and 'answer' are required")
            : new FaqEntry(e.Id, e.Question, e.Phrasings ?? [], e.Answer.Trim())).ToList());
    }

    private sealed class EntryFile
    {
        public string? Id { get; set; }
        public string? Question { get; set; }
        public List<string>? Phrasings { get; set; }
        public string? Answer { get; set; }
    }
}
