using VssBot.Core.Text;

namespace VssBot.Core.Domain.Validation;

/// <summary>
/// The social-insurance code: 10 digits; or a whole 15-character BHYT card number
/// (2 letters, benefit level 1–5, 2-digit province, then the code); or, since
/// 1 August 2025, the 12-digit personal identification number.
/// </summary>
public static class BhxhCode
{
    public static Validation Check(string text)
    {
        var clean = VietnameseText.Clean(text).Replace(" ", "").Replace(".", "").Replace("-", "").ToUpperInvariant();
        if (clean.Length == 15 && char.IsAsciiLetter(clean[0]) && char.IsAsciiLetter(clean[1]))
        {
            if (clean[2] is < '1' or > '5' || !clean[2..].All(char.IsAsciiDigit))
            {
                return Validation.Fail("Số thẻ BHYT gồm 2 chữ cái, 1 chữ số mức hưởng (1–5) rồi 12 chữ số, ví dụ DN4010123456789. Bạn kiểm tra lại giúp mình nhé.");
            }

            var code = clean[5..];
            return Validation.Ok(code, code, $"Mình đã lấy 10 số cuối của thẻ BHYT làm mã số BHXH: {code}.");
        }

        var digits = VietnameseText.DigitsOnly(text);
        if (digits is null)
        {
            return Validation.Fail("Mã số BHXH chỉ gồm chữ số (10 số cuối trên thẻ BHYT), ví dụ 0123456789.");
        }

        return digits.Length switch
        {
            10 => Validation.Ok(digits),
            12 when !IdDocument.PlaceCodes.Contains(digits[..3]) => Validation.Fail($"Số định danh cá nhân (số CCCD 12 số) bắt đầu bằng mã tỉnh, nhưng “{digits[..3]}” không phải mã tỉnh nào. Bạn kiểm tra lại, hoặc nhập 10 số cuối trên thẻ BHYT."),
            12 => Validation.Ok(digits, digits, "Từ 01/8/2025, số định danh cá nhân (số CCCD 12 số) được dùng làm mã số BHXH. Mình ghi nhận số này."),
            _ => Validation.Fail($"Mã số BHXH có 10 chữ số (bạn vừa nhập {digits.Length} số). Đó là 10 số cuối trên thẻ BHYT, ví dụ 0123456789; bạn cũng có thể dùng số CCCD 12 số."),
        };
    }
}
