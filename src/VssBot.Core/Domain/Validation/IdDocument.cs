using VssBot.Core.Text;

namespace VssBot.Core.Domain.Validation;

/// <summary>
/// Numbers of identity documents: CCCD (12 digits), old CMND (9 or 12 digits),
/// passport (a letter and 7 digits; two letters or 8 digits are tolerated).
/// </summary>
public static class IdDocument
{
    public const string Cccd = "cccd";
    public const string Cmnd = "cmnd";
    public const string Passport = "passport";

    public static Validation Check(string text, string? documentType)
    {
        if (documentType == Passport)
        {
            var clean = VietnameseText.Clean(text).Replace(" ", "").ToUpperInvariant();
            var letters = clean.TakeWhile(char.IsAsciiLetter).Count();
            var rest = clean[letters..];
            if (letters is >= 1 and <= 2 && rest.Length is >= 7 and <= 8 && rest.All(char.IsAsciiDigit))
            {
                return Validation.Ok(clean);
            }

            return Validation.Fail("Số hộ chiếu gồm 1 chữ cái và 7 chữ số, ví dụ C1234567. Bạn xem ở trang có ảnh của hộ chiếu.");
        }

        var digits = VietnameseText.DigitsOnly(text);
        if (digits is null)
        {
            return Validation.Fail(documentType == Cmnd
                ? "Số CMND chỉ gồm chữ số (9 hoặc 12 số), ví dụ 031165001."
                : "Số CCCD chỉ gồm 12 chữ số, ví dụ 031165001234.");
        }

        if (documentType == Cmnd)
        {
            return digits.Length is 9 or 12
                ? Validation.Ok(digits)
                : Validation.Fail($"Số CMND có 9 hoặc 12 chữ số (bạn vừa nhập {digits.Length} số), ví dụ 031165001.");
        }

        return digits.Length == 12
            ? Validation.Ok(digits)
            : Validation.Fail($"Số CCCD có 12 chữ số (bạn vừa nhập {digits.Length} số), ví dụ 031165001234.");
    }

    /// <summary>
    /// The birth year a CCCD number suggests (digit 4: sex and century, digits 5–6: the
    /// year), or null when the digits do not follow that structure. The structure is no
    /// longer guaranteed, so a disagreement is a question, never a refusal.
    /// </summary>
    public static int? BirthYearFromCccd(string cccd)
    {
        if (cccd.Length != 12 || !cccd.All(char.IsAsciiDigit))
        {
            return null;
        }

        var centuryDigit = cccd[3] - '0';
        var century = centuryDigit switch
        {
            0 or 1 => 1900,
            2 or 3 => 2000,
            4 or 5 => 2100,
            6 or 7 => 2200,
            8 or 9 => 1800,
            _ => 0,
        };
        return century + int.Parse(cccd.AsSpan(4, 2));
    }
}
