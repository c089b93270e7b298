using System.Globalization;
using System.Text.RegularExpressions;
using VssBot.Core.Text;

namespace VssBot.Core.Domain.Validation;

/// <summary>A date of birth: dd/mm/yyyy and the common variants (dashes, dots,
/// spaces, 8 digits, "ngày 5 tháng 3 năm 1990", a two-digit year); not in the future.</summary>
public static partial class BirthDate
{
    private const string Example = "Ví dụ: 05/03/1990 (ngày/tháng/năm).";

    public static Validation Check(string text, DateOnly today)
    {
        var folded = VietnameseText.Fold(text);
        int day, month, year;
        var words = WordsPattern().Match(folded);
        var parts = NumbersPattern().Match(folded);
        if (words.Success)
        {
            (day, month, year) = (int.Parse(words.Groups[1].Value), int.Parse(words.Groups[2].Value), int.Parse(words.Groups[3].Value));
        }
        else if (folded.Length == 8 && folded.All(char.IsAsciiDigit))
        {
            (day, month, year) = (int.Parse(folded[..2]), int.Parse(folded[2..4]), int.Parse(folded[4..]));
        }
        else if (parts.Success)
        {
            (day, month, year) = (int.Parse(parts.Groups[1].Value), int.Parse(parts.Groups[2].Value), int.Parse(parts.Groups[3].Value));
            if (parts.Groups[3].Value.Length == 2)
            {
                year += year <= today.Year % 100 ? 2000 : 1900;
            }
        }
        else
        {
            return Validation.Fail($"Mình chưa đọc được ngày sinh. Bạn nhập theo dạng ngày/tháng/năm nhé. {Example}");
        }

        if (month is < 1 or > 12)
        {
            return Validation.Fail($"Tháng phải từ 1 đến 12 (bạn nhập {month}). {Example}");
        }

        if (year < 1900 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return Validation.Fail(year < 1900
                ? $"Năm sinh {year} chưa đúng. {Example}"
                : $"Tháng {month}/{year} không có ngày {day}. {Example}");
        }

        var date = new DateOnly(year, month, day);
        if (date > today)
        {
            return Validation.Fail($"Ngày sinh {date:dd/MM/yyyy} ở tương lai. Bạn kiểm tra lại giúp mình nhé. {Example}");
        }

        if (today.Year - year > 120)
        {
            return Validation.Fail($"Năm sinh {year} có vẻ chưa đúng. {Example}");
        }

        var iso = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Validation.Ok(iso, date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
    }

    /// <summary>A child's date of birth: under 18 today. An adult child registers on
    /// their own, with their own CCCD.</summary>
    public static Validation CheckChild(string text, DateOnly today)
    {
        var result = Check(text, today);
        if (result.IsValid && Parse(result.Value!).AddYears(18) <= today)
        {
            return Validation.Fail($"Con sinh ngày {result.Display} đã đủ 18 tuổi, nên không đăng ký qua tài khoản của bố mẹ được. Con tự đăng ký tài khoản VssID bằng CCCD của mình (chọn “Đăng ký VssID cho bản thân” ở menu chính). Nếu bạn nhập nhầm ngày sinh, hãy nhập lại.");
        }

        return result;
    }

    public static DateOnly Parse(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?:ngay )?(\d{1,2}) (?:thang )?(\d{1,2}) (?:nam )?(\d{4})$")]
    private static partial Regex WordsPattern();

    [GeneratedRegex(@"^(\d{1,2}) (\d{1,2}) (\d{2}|\d{4})$")]
    private static partial Regex NumbersPattern();
}
