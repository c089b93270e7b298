using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Text;

namespace VssBot.Staff;

/// <summary>Finding dossiers in the console: by reference, by name (with or without
/// diacritics) or by ID number, then a page of them. Done over the staff member's own
/// dossiers in memory: no typed text reaches a database query.</summary>
public static class DossierSearch
{
    public const int PageSize = 25;

    /// <summary>Whether the query is an ID number (searches by ID are audited).</summary>
    public static bool IsIdNumber(string? query) => VietnameseText.DigitsOnly(query) is { Length: 9 or 10 or 12 };

    public static IReadOnlyList<Dossier> Find(IEnumerable<Dossier> dossiers, string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [.. dossiers];
        }

        var typed = query.Trim();
        if (IsIdNumber(typed))
        {
            var digits = VietnameseText.DigitsOnly(typed)!;
            return [.. dossiers.Where(d => d.Values.Values.Contains(digits))];
        }

        var folded = VietnameseText.Fold(VietnameseText.Cap(typed));
        if (folded.Length == 0)
        {
            return []; // only punctuation ("%", "*"): nothing to match, never "everything"
        }

        return [.. dossiers.Where(d => d.Id.Equals(typed, StringComparison.OrdinalIgnoreCase)
            || d.Fields.Any(f => f.StepId is "full_name" or "c_name" && VietnameseText.Fold(f.Display).Contains(folded, StringComparison.Ordinal)))];
    }

    public static IReadOnlyList<Dossier> Page(IReadOnlyList<Dossier> found, int page) =>
        [.. found.Skip(Math.Max(0, page - 1) * PageSize).Take(PageSize)];
}
