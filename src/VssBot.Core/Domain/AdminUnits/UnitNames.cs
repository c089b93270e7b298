using System.Text.RegularExpressions;
using VssBot.Core.Text;

namespace VssBot.Core.Domain.AdminUnits;

/// <summary>How people write unit names: folded, with the type words and their
/// abbreviations ("P12", "p.12", "f12", "Q10", "TP", "TX", "TT") read the same way.</summary>
public static partial class UnitNames
{
    /// <summary>Type words, longest first, folded.</summary>
    public static readonly string[] Types = ["thanh pho", "thi tran", "thi xa", "dac khu", "phuong", "tinh", "quan", "huyen", "xa"];

    private static readonly Dictionary<string, string> Abbreviations = new()
    {
        ["tp"] = "thanh pho", ["tx"] = "thi xa", ["tt"] = "thi tran", ["p"] = "phuong", ["f"] = "phuong", ["q"] = "quan", ["h"] = "huyen",
    };

    /// <summary>Folded text with abbreviations spelt out ("p12 q10" → "phuong 12 quan 10").</summary>
    public static string Expand(string text)
    {
        var folded = Glued().Replace(VietnameseText.Fold(text), m => m.Groups[1].Value + " " + m.Groups[2].Value);
        return string.Join(' ', folded.Split(' ').Select(w => Abbreviations.GetValueOrDefault(w, w)));
    }

    /// <summary>The type word a folded name starts with ("phuong"), or "".</summary>
    public static string TypeOf(string folded) => Types.FirstOrDefault(t => folded.StartsWith(t + " ", StringComparison.Ordinal)) ?? "";

    /// <summary>The folded name without its type word: "Phường 12" → "12", "Quận Ngô Quyền" → "ngo quyen".</summary>
    public static string Key(string name)
    {
        var folded = Expand(name);
        var type = TypeOf(folded);
        return type.Length == 0 ? folded : folded[(type.Length + 1)..];
    }

    /// <summary>Whether <paramref name="text"/> (expanded) holds <paramref name="phrase"/> as whole words.</summary>
    public static bool Holds(string text, string phrase) =>
        phrase.Length > 0 && (" " + text + " ").Contains(" " + phrase + " ", StringComparison.Ordinal);

    [GeneratedRegex(@"\b(p|f|q|tp|tx)(\d{1,2})\b")]
    private static partial Regex Glued();
}
