using FuzzySharp;
using VssBot.Core.Dialogs;
using VssBot.Core.Text;

namespace VssBot.Core.Domain.Faq;

/// <summary>
/// Answers questions typed in free text. A question is answered only when it matches
/// an entry above <see cref="Threshold"/>; otherwise the caller says it is not sure.
/// </summary>
public sealed class FaqBook
{
    public const int Threshold = 72;

    private static readonly string[] QuestionMarkers =
        ["?", "la gi", "o dau", "the nao", "sao", "bao lau", "lam gi", "co can", "co phai", "khi nao", "bao gio", "nhu nao", "ai ", "gi "];

    private readonly List<(FaqEntry Entry, string[] Keys)> _entries;

    public FaqBook(IReadOnlyList<FaqEntry> entries)
    {
        Entries = entries;
        _entries = entries
            .Select(e => (e, e.Phrasings.Prepend(e.Question).Select(VietnameseText.Fold).ToArray()))
            .ToList();
    }

    public IReadOnlyList<FaqEntry> Entries { get; }

    /// <summary>True when the text reads as a question rather than an answer.</summary>
    public static bool LooksLikeQuestion(string text)
    {
        var folded = " " + VietnameseText.Fold(text) + " ";
        return text.Contains('?') || QuestionMarkers.Any(m => folded.Contains(" " + m.Trim() + " ", StringComparison.Ordinal));
    }

    public FaqEntry? Match(string text)
    {
        var folded = VietnameseText.Fold(text).Replace("?", "").Trim();
        if (folded.Length < 3)
        {
            return null;
        }

        FaqEntry? best = null;
        var bestScore = 0;
        foreach (var (entry, keys) in _entries)
        {
            foreach (var key in keys)
            {
                var score = Math.Max(Fuzz.TokenSortRatio(folded, key), Fuzz.TokenSetRatio(folded, key) - 8);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = entry;
                }
            }
        }

        return bestScore >= Threshold ? best : null;
    }

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
