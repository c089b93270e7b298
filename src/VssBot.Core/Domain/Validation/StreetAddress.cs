using VssBot.Core.Text;

namespace VssBot.Core.Domain.Validation;

/// <summary>House number, street, hamlet: free text, but it must say something.</summary>
public static class StreetAddress
{
    public static Validation Check(string text)
    {
        var clean = VietnameseText.Clean(text).Normalize(System.Text.NormalizationForm.FormC);
        if (clean.Count(char.IsLetterOrDigit) < 3)
        {
            return Validation.Fail("Bạn ghi số nhà, tên đường, tổ/xóm hoặc thôn giúp mình, ví dụ: Số 12, đường Cầu Diễn.");
        }

        return clean.Length > 200
            ? Validation.Fail("Địa chỉ dài quá 200 ký tự. Bạn ghi ngắn gọn hơn giúp mình nhé.")
            : Validation.Ok(clean);
    }
}
