using System.Globalization;
using System.Text;

namespace VssBot.Core.Text;

/// <summary>
/// Folding and normalising of Vietnamese text, so that "Quay lại", "quay lai" and
/// "QUAY  LẠI" compare equal and full-width digits read as digits.
/// </summary>
public static class VietnameseText
{
    /// <summary>vi-VN, looked up once (the lookup takes a lock).</summary>
    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Longest text handed to fuzzy matching (FAQ, choices); the rest is not read.</summary>
    public const int MaxMatchLength = 300;

    public static string Cap(string text) => text.Length <= MaxMatchLength ? text : text[..MaxMatchLength];

    /// <summary>NFKC (full-width digits and letters become ASCII), zero-width characters
    /// removed, white space collapsed, trimmed. Keeps diacritics and case.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var normalized = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normalized.Length);
        var pendingSpace = false;
        foreach (var c in normalized)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Format or UnicodeCategory.Control && c is not ('\n' or '\t' or '\r'))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Lower case, no diacritics, đ → d, punctuation other than digits and
    /// letters turned into spaces, white space collapsed: the key for comparisons.</summary>
    public static string Fold(string? text)
    {
        var clean = Clean(text);
        if (clean.Length == 0)
        {
            return clean;
        }

        var decomposed = clean.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var mapped = c == 'đ' ? 'd' : c;
            if (char.IsLetterOrDigit(mapped) || mapped == '?')
            {
                if (pendingSpace)
                {
                    builder.Append(' ');
                    pendingSpace = false;
                }

                builder.Append(mapped);
            }
            else
            {
                pendingSpace = builder.Length > 0;
            }
        }

        return builder.ToString();
    }

    /// <summary>The digits of a number typed with spaces, dots or dashes; null when
    /// anything other than digits and those separators is present.</summary>
    public static string? DigitsOnly(string? text)
    {
        var clean = Clean(text);
        var builder = new StringBuilder(clean.Length);
        foreach (var c in clean)
        {
            if (c is >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (c is not (' ' or '.' or '-' or '_' or '/'))
            {
                return null;
            }
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    /// <summary>Capitalises the first letter of each word and lowers the rest, the way
    /// Vietnamese names are written ("nguyễn văn AN" → "Nguyễn Văn An").</summary>
    public static string TitleCase(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var lower = words[i].ToLower(Vietnamese);
            words[i] = char.ToUpper(lower[0], Vietnamese) + lower[1..];
        }

        return string.Join(' ', words);
    }
}
