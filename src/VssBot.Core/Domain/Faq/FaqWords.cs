using VssBot.Core.Dialogs;
using VssBot.Core.Text;

namespace VssBot.Core.Domain.Faq;

/// <summary>The words the FAQ matcher reads around a question, from dialogs/faq-words.yaml:
/// question markers, stop words (and the bare forms that are key words too), shorthand
/// and abbreviations. Kept in dialogs/ so offices can add what their people type.</summary>
public sealed class FaqWords
{
    public IReadOnlyList<string> QuestionMarkers { get; init; } = [];
    public IReadOnlySet<string> StopWords { get; init; } = new HashSet<string>();
    public IReadOnlySet<string> FoldedStopWords { get; init; } = new HashSet<string>();
    public IReadOnlySet<string> KeyWordsToo { get; init; } = new HashSet<string>();
    public IReadOnlySet<string> StopPairs { get; init; } = new HashSet<string>();
    public IReadOnlyList<(string Long, string Short)> Abbreviations { get; init; } = [];
    public IReadOnlyDictionary<string, string> Shorthand { get; init; } = new Dictionary<string, string>();

    public static FaqWords Load(string path)
    {
        var file = YamlFile.Read<WordsFile>(path);
        var keyWordsToo = (file.KeyWordsToo ?? []).ToHashSet();
        var stopWords = (file.StopWords ?? []).ToHashSet();
        return new FaqWords
        {
            QuestionMarkers = file.QuestionMarkers ?? [],
            StopWords = stopWords,
            FoldedStopWords = stopWords.Select(VietnameseText.Fold).Where(w => !keyWordsToo.Contains(w)).ToHashSet(),
            KeyWordsToo = keyWordsToo,
            StopPairs = (file.StopPairs ?? []).ToHashSet(),
            Abbreviations = [.. (file.Abbreviations ?? []).Select(a => (a.Key, a.Value))],
            Shorthand = file.Shorthand ?? [],
        };
    }

    private sealed class WordsFile
    {
        public List<string>? QuestionMarkers { get; set; }
        public List<string>? StopWords { get; set; }
        public List<string>? KeyWordsToo { get; set; }
        public List<string>? StopPairs { get; set; }
        public Dictionary<string, string>? Abbreviations { get; set; }
        public Dictionary<string, string>? Shorthand { get; set; }
    }
}
