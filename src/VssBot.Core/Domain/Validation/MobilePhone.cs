using PhoneNumbers;
using VssBot.Core.Text;

namespace VssBot.Core.Domain.Validation;

/// <summary>Vietnamese mobile numbers, checked by libphonenumber (region VN, type
/// mobile); +84, 84, spaces, dots and dashes accepted. Stored as E.164.</summary>
public static class MobilePhone
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static Validation Check(string text, ValidationTexts t)
    {
        var clean = VietnameseText.Clean(text);
        var digits = new string(clean.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0 || clean.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '.' or '-' or '+' or '(' or ')')))
        {
            return Validation.Fail(t["phone_digits"]);
        }

        // "84912345678" without the plus sign is the international form people paste.
        var candidate = clean.StartsWith('+') ? clean : digits.StartsWith("84") && digits.Length == 11 ? "+" + digits : digits;
        PhoneNumber number;
        try
        {
            number = Util.Parse(candidate, "VN");
        }
        catch (NumberParseException)
        {
            return Validation.Fail(t["phone_unreadable"]);
        }

        if (number.CountryCode != 84)
        {
            return Validation.Fail(t["phone_not_vietnam"]);
        }

        var national = Util.GetNationalSignificantNumber(number);
        if (!Util.IsValidNumberForRegion(number, "VN"))
        {
            return Validation.Fail(t.Format("phone_invalid", ("count", ("0" + national).Length)));
        }

        if (Util.GetNumberType(number) is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE))
        {
            return Validation.Fail(t["phone_not_mobile"]);
        }

        var e164 = Util.Format(number, PhoneNumberFormat.E164);
        return Validation.Ok(e164, "0" + national);
    }
}
