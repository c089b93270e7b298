using System.Globalization;
using System.Text.RegularExpressions;
using VssBot.Core.Text;

namespace VssBot.Core.Domain.Validation;

/// <summary>A date of birth: dd/mm/yyyy and the common variants (dashes, dots,
/// spaces, 8 digits, "ngày 5 tháng 3 năm 1990", a two-digit year); not in the future.</summary>
public static partial class BirthDate
{

    public static Validation Check(string text, DateOnly today, ValidationTexts t)
    {
        // "mùng 5/3", "sinh ngày 5 tháng 3 năm 1990 ạ", "1990-03-05", "05031990", "1990".
        var folded = Mung().Replace(VietnameseText.Fold(text), "");
        int day, month, year;
        var iso = IsoPattern().Match(folded);
        var words = WordsPattern().Match(folded);
        var parts = NumbersPattern().Match(folded);
        var digits = folded.Replace(" ", "");
        if (iso.Success)
        {
            (year, month, day) = (int.Parse(iso.Groups[1].Value), int.Parse(iso.Groups[2].Value), int.Parse(iso.Groups[3].Value));
        }
        else if (words.Success)
        {
            (day, month, year) = (int.Parse(words.Groups[1].Value), int.Parse(words.Groups[2].Value), Year(words.Groups[3].Value, today));
        }
        else if (parts.Success)
        {
            (day, month, year) = (int.Parse(parts.Groups[1].Value), int.Parse(parts.Groups[2].Value), Year(parts.Groups[3].Value, today));
        }
        else if (digits.Length is 8 or 6 && digits.All(char.IsAsciiDigit))
        {
            (day, month, year) = (int.Parse(digits[..2]), int.Parse(digits[2..4]), Year(digits[4..], today));
        }
        else if (YearAlone().Match(folded) is { Success: true } alone)
        {
            return CheckYear(int.Parse(alone.Groups[1].Value), today, t);
        }
        else
        {
            return Validation.Fail(t.Format("date_unreadable", ("example", t["date_example"])));
        }

        if (month is < 1 or > 12)
        {
            return Validation.Fail(t.Format("date_month", ("month", month), ("example", t["date_example"])));
        }

        if (year < 1900 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return Validation.Fail(year < 1900
                ? t.Format("date_year", ("year", year), ("example", t["date_example"]))
                : t.Format("date_day", ("month", month), ("year", year), ("day", day), ("example", t["date_example"])));
        }

        var date = new DateOnly(year, month, day);
        if (date > today)
        {
            return Validation.Fail(t.Format("date_future", ("date", date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)), ("example", t["date_example"])));
        }

        if (today.Year - year > 120)
        {
            return Validation.Fail(t.Format("date_too_old", ("year", year), ("example", t["date_example"])));
        }

        return Validation.Ok(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
    }

    private static int Year(string text, DateOnly today)
    {
        var year = int.Parse(text);
        return text.Length == 2 ? year + (year <= today.Year % 100 ? 2000 : 1900) : year;
    }

    /// <summary>Only a year, as many old records hold: accepted, and said so.</summary>
    private static Validation CheckYear(int year, DateOnly today, ValidationTexts t)
    {
        if (year < 1900 || year > today.Year || today.Year - year > 120)
        {
            return Validation.Fail(t.Format("date_year", ("year", year), ("example", t["date_example"])));
        }

        return Validation.Ok(year.ToString(CultureInfo.InvariantCulture), t.Format("date_year_only_display", ("year", year)), t.Format("date_year_only", ("year", year)));
    }

    /// <summary>An adult's date of birth: at least 15 years old today (younger children are
    /// registered by a parent, through "Đăng ký cho con").</summary>
    public static Validation CheckAdult(string text, DateOnly today, ValidationTexts t)
    {
        var result = Check(text, today, t);
        if (result.IsValid && Parse(result.Value!).AddYears(15) > today)
        {
            return Validation.Fail(t.Format("date_adult_too_young", ("date", result.Display!)));
        }

        return result;
    }

    /// <summary>A child's date of birth: under 18 today. An adult child registers on
    /// their own, with their own CCCD.</summary>
    public static Validation CheckChild(string text, DateOnly today, ValidationTexts t)
    {
        var result = Check(text, today, t);
        if (result.IsValid && Parse(result.Value!).AddYears(18) <= today)
        {
            return Validation.Fail(t.Format("date_child_adult", ("date", result.Display!)));
        }

        return result;
    }

    /// <summary>The stored value as a date: "1990-03-05", or "1990" (a year alone) as 1 January.</summary>
    public static DateOnly Parse(string value) => value.Length == 4
        ? new DateOnly(int.Parse(value, CultureInfo.InvariantCulture), 1, 1)
        : DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Found anywhere in a sentence ("em sinh ngay 5 thang 3 nam 1990 a").
    [GeneratedRegex(@"(?:^| )(?:ngay )?(\d{1,2}) thang (\d{1,2})(?: nam)? (\d{4}|\d{2})(?: |$)")]
    private static partial Regex WordsPattern();

    [GeneratedRegex(@"(?:^| )(\d{1,2}) (\d{1,2}) (\d{4}|\d{2})(?: |$)")]
    private static partial Regex NumbersPattern();

    [GeneratedRegex(@"(?:^| )(\d{4}) (\d{1,2}) (\d{1,2})(?: |$)")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^(?:nam )?(?:sinh )?(?:nam )?(\d{4})$")]
    private static partial Regex YearAlone();

    [GeneratedRegex(@"\bmung\b")]
    private static partial Regex Mung();
}
