using PhoneNumbers;
using VssBot.Core.Text;

namespace VssBot.Core.Domain.Validation;

/// <summary>Vietnamese mobile numbers, checked by libphonenumber (region VN, type
/// mobile); +84, 84, spaces, dots and dashes accepted. Stored as E.164.</summary>
public static class MobilePhone
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static Validation Check(string text)
    {
        var clean = VietnameseText.Clean(text);
        var digits = new string(clean.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0 || clean.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '.' or '-' or '+' or '(' or ')')))
        {
            return Validation.Fail("Số điện thoại chỉ gồm chữ số, ví dụ 0912 345 678.");
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
            return Validation.Fail("Mình chưa đọc được số điện thoại này. Ví dụ: 0912 345 678.");
        }

        if (number.CountryCode != 84)
        {
            return Validation.Fail("Cần số di động Việt Nam (+84) để nhận mã OTP, ví dụ 0912 345 678.");
        }

        var national = Util.GetNationalSignificantNumber(number);
        if (!Util.IsValidNumberForRegion(number, "VN"))
        {
            return Validation.Fail($"Số di động Việt Nam có 10 chữ số, bắt đầu bằng 03, 05, 07, 08 hoặc 09 (bạn vừa nhập {("0" + national).Length} số). Ví dụ: 0912 345 678.");
        }

        if (Util.GetNumberType(number) is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE_OR_MOBILE))
        {
            return Validation.Fail("Đây không phải số di động. Cần số di động để nhận mã OTP qua tin nhắn, ví dụ 0912 345 678.");
        }

        var e164 = Util.Format(number, PhoneNumberFormat.E164);
        return Validation.Ok(e164, "0" + national);
    }
}
