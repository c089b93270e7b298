using System.Globalization;
using System.Text;
using VssBot.Core.Text;

namespace VssBot.Core.Domain.Validation;

/// <summary>
/// A person's full name, as Vietnamese names of every ethnic group are written: Latin
/// letters with Vietnamese marks (Ê Ơ Ư Đ and the tones), apostrophes (H'Hen, K'Brơi,
/// Y'…) and hyphens (Y-Moan) inside words; spacing and capitals normalised. Apostrophe
/// look-alikes as official lists print them (’ ‘ ′ ` ´ ʼ) become ', with spaces around them
/// removed ("H’ Hen" is H'Hen). A passport name may carry any Latin letter with any mark
/// (é ë ñ ü ç ø å). Words are counted across hyphens; a one-word name (some Bahnar, Jrai and
/// K'Ho people are known by one) is accepted with a note that asks once, as is a name typed
/// without diacritics. Other scripts and look-alike letters (Cyrillic "а") are refused.
/// </summary>
public static partial class FullName
{
    // Combining marks Vietnamese uses: grave, acute, circumflex, tilde, breve, hook above, horn, dot below.
    private static readonly HashSet<char> Marks = ['\u0300', '\u0301', '\u0302', '\u0303', '\u0306', '\u0309', '\u031B', '\u0323'];
    private static readonly HashSet<char> Apostrophes = ['\'', '’', 'ʼ', '‘', '`', '′', '´'];

    public static Validation Check(string text, ValidationTexts t)
    {
        // Look-alikes first: compatibility normalisation would make "´" a space and a mark.
        text ??= "";
        var unified = text.Any(Apostrophes.Contains) ? string.Concat(text.Select(c => Apostrophes.Contains(c) ? '\'' : c)) : text;
        var clean = JoinApostrophes(VietnameseText.Clean(unified).Normalize(NormalizationForm.FormC));
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

            if (!(IsLatinLetter(c) || c is ' ' or '-' || Apostrophes.Contains(c) || IsMark(c)))
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

        var name = string.Join(' ', words.Select(TitleCase));
        if (words.Sum(w => w.Split('-').Length) < 2)
        {
            // One word: accepted, asking once whether the family name is missing.
            return Validation.Ok(name, note: t.Format("name_one_word", ("name", name)));
        }

        // Letters or marks Vietnamese does not use: right on a passport, but also what a name
        // copied from a document typed in an old font looks like ("Döông" for Dương): asked once.
        var foreign = name.Normalize(NormalizationForm.FormD).Where(c => (IsLatinLetter(c) && !char.IsAscii(c) && c is not ('đ' or 'Đ')) || (IsMark(c) && !Marks.Contains(c)))
            .Select(c => IsMark(c) ? "◌" + c : c.ToString()).Distinct().ToList();
        var note = foreign.Count > 0
            ? t.Format("name_foreign_letters", ("name", name), ("letters", string.Join(" ", foreign)))
            : name.All(c => c < 128)
                ? t.Format("name_no_diacritics", ("name", name))
                : null;
        return Validation.Ok(name, note: note);
    }

    // Any Latin letter, Vietnamese or not (a passport's é ë ñ ü ç ø å æ ß ł…); no other script.
    private static bool IsLatinLetter(char c) =>
        char.IsAsciiLetter(c) || (char.IsLetter(c) && (c is >= '\u00C0' and <= '\u024F' || c is >= '\u1E00' and <= '\u1EFF') && c is not ('\u00D7' or '\u00F7'));

    // Combining diacritical marks (Vietnamese tones and vowel marks, and any other Latin one).
    private static bool IsMark(char c) => c is >= '\u0300' and <= '\u036F';

    // Look-alikes of the apostrophe become it, and the spaces around it go: "H’ Hen", "K ′Brơi".
    private static string JoinApostrophes(string text) =>
        text.Contains('\'') ? SpacedApostrophe().Replace(text, "'") : text;

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\p{L}) *' *(?=\p{L})")]
    private static partial System.Text.RegularExpressions.Regex SpacedApostrophe();

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
