using VssBot.Core.Text;

namespace VssBot.Core.Domain.Validation;

/// <summary>House number, street, hamlet: free text, but it must say something, and not
/// be only a phone number, an ID number or an e-mail address.</summary>
public static class StreetAddress
{
    public static Validation Check(string text)
    {
        var clean = VietnameseText.Clean(text).Normalize(System.Text.NormalizationForm.FormC);
        if (clean.Count(char.IsLetterOrDigit) < 3)
        {
            return Validation.Fail("Bạn ghi số nhà, tên đường, tổ/xóm hoặc thôn giúp mình, ví dụ: Số 12, đường Cầu Diễn.");
        }

        // A phone or ID number, or an e-mail address, is not an address (and may belong to a later step).
        if ((VietnameseText.DigitsOnly(clean) is { Length: >= 9 } || EmailAddress.Check(clean).IsValid) && !clean.Contains(' ', StringComparison.Ordinal) || VietnameseText.DigitsOnly(clean) is { Length: >= 9 })
        {
            return Validation.Fail("Đây giống số điện thoại, số giấy tờ hoặc e-mail, chưa phải địa chỉ. Bạn ghi số nhà, tên đường, tổ/xóm hoặc thôn giúp mình, ví dụ: Số 12, đường Cầu Diễn.");
        }

        return clean.Length > 200
            ? Validation.Fail("Địa chỉ dài quá 200 ký tự. Bạn ghi ngắn gọn hơn giúp mình nhé.")
            : Validation.Ok(clean);
    }
}
