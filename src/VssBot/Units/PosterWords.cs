using VssBot.Core.Dialogs;

namespace VssBot.Units;

/// <summary>The poster's words (dialogs/poster.yaml), checked at start-up.</summary>
public sealed class PosterWords
{
    public string Title { get; set; } = "";
    public string Unit { get; set; } = "";
    public List<string> Steps { get; set; } = [];
    public string Web { get; set; } = "";
    public string Telegram { get; set; } = "";

    public static PosterWords Load(string path)
    {
        var words = YamlFile.Read<PosterWords>(path, "poster.yaml");
        if (words.Title.Length == 0 || !words.Unit.Contains("{unit}") || words.Steps.Count != 3)
        {
            throw new DialogFileException("poster.yaml", null, "'title', 'unit' (with {unit}) and three 'steps' are required");
        }

        return words;
    }
}
