using VssBot.Core.Text;

namespace VssBot.Core.Domain.Validation;

/// <summary>
/// Numbers of identity documents: CCCD and the 2024 căn cước (12 digits, the "Số định danh
/// cá nhân", starting with the 3-digit code of one of the 63 provinces before 2025), old
/// CMND (9 or 12 digits; no longer valid since 01/01/2025), passports of any country (5 to
/// 12 letters and digits, at least one digit).
/// </summary>
public static class IdDocument
{
    /// <summary>The place codes a CCCD number starts with: "0" and the GSO code of the 63
    /// provinces before 2025 (checked against dialogs/data/legacy by a test).</summary>
    public static readonly IReadOnlySet<string> PlaceCodes = new HashSet<string>
    {
        "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022", "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070", "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087", "089", "091", "092", "093", "094", "095", "096",
    };

    public const string Cccd = "cccd";
    public const string Cmnd = "cmnd";
    public const string Passport = "passport";

    public static Validation Check(string text, string? documentType, ValidationTexts t)
    {
        if (documentType == Passport)
        {
            // Any country's passport: letters and digits, 5 to 12, with at least one digit.
            var clean = VietnameseText.Clean(text).Replace(" ", "").Replace("-", "").ToUpperInvariant();
            if (clean.Length is >= 5 and <= 12 && clean.All(char.IsAsciiLetterOrDigit) && clean.Any(char.IsAsciiDigit))
            {
                return Validation.Ok(clean);
            }

            return Validation.Fail(t["id_passport"]);
        }

        var digits = VietnameseText.DigitsOnly(text);
        if (digits is null)
        {
            return Validation.Fail(t[documentType == Cmnd ? "id_cmnd_digits" : "id_cccd_digits"]);
        }

        if (documentType == Cmnd)
        {
            return digits.Length is 9 or 12
                ? Validation.Ok(digits)
                : Validation.Fail(t.Format("id_cmnd_length", ("count", digits.Length)));
        }

        if (digits.Length != 12)
        {
            return Validation.Fail(t.Format("id_cccd_length", ("count", digits.Length)));
        }

        return PlaceCodes.Contains(digits[..3])
            ? Validation.Ok(digits)
            : Validation.Fail(t.Format("id_place_code", ("place", digits[..3])));
    }

    /// <summary>
    /// The birth year a CCCD number suggests (digit 4: sex and century, 0–1 for the 1900s
    /// and 2–3 for the 2000s; digits 5–6: the year), or null otherwise. The structure is no
    /// longer guaranteed, so a disagreement is a question, never a refusal.
    /// </summary>
    public static int? BirthYearFromCccd(string cccd)
    {
        if (cccd.Length != 12 || !cccd.All(char.IsAsciiDigit))
        {
            return null;
        }

        var century = (cccd[3] - '0') switch
        {
            0 or 1 => 1900,
            2 or 3 => 2000,
            _ => 0,
        };
        if (century == 0)
        {
            return null;
        }

        return century + int.Parse(cccd.AsSpan(4, 2));
    }
}
