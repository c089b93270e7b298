using VssBot.Core.Dialogs;

namespace VssBot.Lists;

/// <summary>The list's headers and words (dialogs/lists.yaml), checked at start-up.</summary>
public sealed record ListWords(IReadOnlyList<string> Columns, IReadOnlyDictionary<string, string> Statuses, string Yes, string No)
{
    public const int ColumnCount = 12;

    public static ListWords Load(string path)
    {
        var file = YamlFile.Read<File>(path, "lists.yaml");
        if (file.Columns is not { Count: ColumnCount } || file.Statuses is null || file.Yes is null || file.No is null)
        {
            throw new DialogFileException("lists.yaml", null, $"'columns' ({ColumnCount}), 'statuses', 'yes' and 'no' are required");
        }

        return new ListWords(file.Columns, file.Statuses, file.Yes, file.No);
    }

    private sealed class File
    {
        public List<string>? Columns { get; set; }
        public Dictionary<string, string>? Statuses { get; set; }
        public string? Yes { get; set; }
        public string? No { get; set; }
    }
}
