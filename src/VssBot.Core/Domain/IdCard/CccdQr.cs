using System.Globalization;
using System.Text.RegularExpressions;

namespace VssBot.Core.Domain.IdCard;

/// <summary>
/// What the QR code on the front of a chip CCCD holds: UTF-8 text, fields separated by
/// "|": CCCD number | old CMND (may be empty) | full name | birth date ddMMyyyy | sex |
/// permanent address | issue date ddMMyyyy. The same text pasted from a scanner app counts.
/// </summary>
public sealed partial record CccdQr(string Number, string? OldNumber, string Name, DateOnly BirthDate, string Sex, string Address, DateOnly? IssueDate)
{
    public static CccdQr? Parse(string? text)
    {
        if (text is null || Shape().Match(text.Trim()) is not { Success: true } match)
        {
            return null;
        }

        var fields = text.Trim().Split('|');
        if (!DateOnly.TryParseExact(fields[3], "ddMMyyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            return null;
        }

        DateOnly? issued = fields.Length > 6 && DateOnly.TryParseExact(fields[6].Trim(), "ddMMyyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        return new CccdQr(fields[0], fields[1].Length == 0 ? null : fields[1], fields[2].Trim(), birth, fields[4].Trim(), fields.Length > 5 ? fields[5].Trim() : "", issued);
    }

    /// <summary>Whether a typed or pasted text is a CCCD's QR text.</summary>
    public static bool Looks(string text) => Shape().IsMatch(text.Trim());

    [GeneratedRegex(@"^\d{12}\|\d{0,12}\|[^|\d]{2,80}\|\d{8}\|[^|]{0,10}(\|[^|]*){0,3}$")]
    private static partial Regex Shape();
}
