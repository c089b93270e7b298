using System.Globalization;
using System.Text;
using VssBot.Core.Text;

namespace VssBot.Core.Domain.Validation;

/// <summary>
/// A person's full name, as Vietnamese names of every ethnic group are written: Latin
/// letters with Vietnamese marks (Ê Ơ Ư Đ and the tones), apostrophes (H'Hen, K'Brơi,
/// Y'…) and hyphens (Y-Moan) inside words; at least two words; spacing and capitals
/// normalised. A name typed without diacritics is accepted, with a note asking once
/// whether to add them. Other scripts and look-alike letters (Cyrillic "а") are refused.
/// </summary>
public static class FullName
{
    // Combining marks Vietnamese uses: grave, acute, circumflex, tilde, breve, hook above, horn, dot below.
    private static readonly HashSet<char> Marks = ['\u0300', '\u0301', '\u0302', '\u0303', '\u0306', '\u0309', '\u031B', '\u0323'];
    private static readonly HashSet<char> Apostrophes = ['\'', '’', 'ʼ', '‘', '`'];

    public static Validation Check(string text, ValidationTexts t)
    {
        var clean = VietnameseText.Clean(text).Normalize(NormalizationForm.FormC);
        if (clean.Length == 0)
        {
            return Validation.Fail(t["name_missing"]);
        }

        foreach (var c in clean.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiDigit(c))
            {
                return Validation.Fail(t["name_digits"]);
            }

            if (!(char.IsAsciiLetter(c) || c is 'đ' or 'Đ' or ' ' or '-' || Apostrophes.Contains(c) || Marks.Contains(c)))
            {
                return Validation.Fail(char.IsLetter(c)
                    ? t.Format("name_script", ("letter", c))
                    : t.Format("name_character", ("character", c)));
            }
        }

        // Apostrophes and hyphens join letters: none at a word's edge, none doubled.
        var normalised = string.Concat(clean.Select(c => Apostrophes.Contains(c) ? '\'' : c));
        var words = normalised.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(w => w[0] is '\'' or '-' || w[^1] is '\'' or '-' || w.Contains("''") || w.Contains("--") || w.Contains("'-") || w.Contains("-'")))
        {
            return Validation.Fail(t["name_joiners"]);
        }

        if (normalised.Length > 80)
        {
            return Validation.Fail(t["name_too_long"]);
        }

        if (words.Length < 2)
        {
            return Validation.Fail(t["name_one_word"]);
        }

        var name = string.Join(' ', words.Select(TitleCase));
        var note = name.All(c => c < 128)
            ? t.Format("name_no_diacritics", ("name", name))
            : null;
        return Validation.Ok(name, note: note);
    }

    // "h'hen" → "H'Hen", "y-moan" → "Y-Moan": each part joined by ' or - gets its capital.
    private static string TitleCase(string word)
    {
        var vi = VssBot.Core.Text.VietnameseText.Vietnamese;
        var builder = new StringBuilder(word.ToLower(vi));
        for (var i = 0; i < builder.Length; i++)
        {
            if (i == 0 || builder[i - 1] is '\'' or '-')
            {
                builder[i] = char.ToUpper(builder[i], vi);
            }
        }

        return builder.ToString();
    }
}
