using VssBot.Core.Dialogs;

namespace VssBot.Lists;

/// <summary>The list's headers and words (dialogs/lists.yaml), checked at start-up.</summary>
public sealed record ListWords(IReadOnlyList<string> Columns, IReadOnlyDictionary<string, string> Statuses, string Yes, string No,
    string Unfinished, string AtStep, string AtMenu)
{
    public const int ColumnCount = 12;

    public static ListWords Load(string path)
    {
        var file = YamlFile.Read<File>(path, "lists.yaml");
        if (file.Columns is not { Count: ColumnCount } || file.Statuses is null || file.Yes is null || file.No is null
            || file.Unfinished is null || file.AtStep is null || file.AtMenu is null)
        {
            throw new DialogFileException("lists.yaml", null, $"'columns' ({ColumnCount}), 'statuses', 'yes', 'no', 'unfinished', 'atStep' and 'atMenu' are required");
        }

        return new ListWords(file.Columns, file.Statuses, file.Yes, file.No, file.Unfinished, file.AtStep, file.AtMenu);
    }

    private sealed class File
    {
        public List<string>? Columns { get; set; }
        public Dictionary<string, string>? Statuses { get; set; }
        public string? Yes { get; set; }
        public string? No { get; set; }
        public string? Unfinished { get; set; }
        public string? AtStep { get; set; }
        public string? AtMenu { get; set; }
    }
}
