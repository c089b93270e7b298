using VssBot.Core.Text;

namespace VssBot.Core.Domain.Validation;

/// <summary>
/// The social-insurance code: 10 digits; or a whole 15-character BHYT card number
/// (2 letters, benefit level 1–5, 2-digit province, then the code); or, since
/// 1 August 2025, the 12-digit personal identification number.
/// </summary>
public static class BhxhCode
{
    public static Validation Check(string text, ValidationTexts t)
    {
        var clean = VietnameseText.Clean(text).Replace(" ", "").Replace(".", "").Replace("-", "").ToUpperInvariant();
        if (clean.Length == 15 && char.IsAsciiLetter(clean[0]) && char.IsAsciiLetter(clean[1]))
        {
            if (clean[2] is < '1' or > '5' || !clean[2..].All(char.IsAsciiDigit))
            {
                return Validation.Fail(t["bhxh_card_shape"]);
            }

            var code = clean[5..];
            return Validation.Ok(code, code, t.Format("bhxh_from_card", ("code", code)));
        }

        var digits = VietnameseText.DigitsOnly(text);
        if (digits is null)
        {
            return Validation.Fail(t["bhxh_digits_only"]);
        }

        return digits.Length switch
        {
            10 => Validation.Ok(digits),
            12 when !IdDocument.PlaceCodes.Contains(digits[..3]) => Validation.Fail(t.Format("bhxh_place_code", ("place", digits[..3]))),
            12 => Validation.Ok(digits, digits, t["bhxh_personal_number"]),
            _ => Validation.Fail(t.Format("bhxh_length", ("count", digits.Length))),
        };
    }
}
