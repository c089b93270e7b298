using System.Globalization;
using System.Text;
using VssBot.Core.Text;

namespace VssBot.Core.Domain.Validation;

/// <summary>A person's full name: Vietnamese letters, at least two words, written
/// with spacing and capitals normalised.</summary>
public static class FullName
{
    public static Validation Check(string text)
    {
        var clean = VietnameseText.Clean(text).Normalize(NormalizationForm.FormC);
        if (clean.Length == 0)
        {
            return Validation.Fail("Bạn chưa nhập họ và tên. Ví dụ: Nguyễn Văn An.");
        }

        foreach (var rune in clean.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            var isLetter = category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
            if (!isLetter && rune.Value != ' ')
            {
                return Validation.Fail(Rune.IsDigit(rune)
                    ? "Họ và tên không có chữ số. Bạn nhập lại giúp mình, ví dụ: Nguyễn Văn An."
                    : $"Họ và tên chỉ gồm chữ cái, không có ký tự “{rune}”. Ví dụ: Nguyễn Văn An.");
            }
        }

        if (clean.Length > 80)
        {
            return Validation.Fail("Họ và tên dài quá 80 ký tự. Bạn kiểm tra lại giúp mình nhé.");
        }

        if (!clean.Contains(' '))
        {
            return Validation.Fail("Bạn nhập đầy đủ cả họ và tên nhé, ví dụ: Nguyễn Văn An.");
        }

        var name = VietnameseText.TitleCase(clean);
        return Validation.Ok(name);
    }
}
