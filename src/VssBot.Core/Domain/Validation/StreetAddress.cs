using VssBot.Core.Text;

namespace VssBot.Core.Domain.Validation;

/// <summary>House number, street, hamlet: free text, but it must say something, and not
/// be only a phone number, an ID number or an e-mail address.</summary>
public static class StreetAddress
{
    public static Validation Check(string text, ValidationTexts t)
    {
        var clean = VietnameseText.Clean(text).Normalize(System.Text.NormalizationForm.FormC);
        if (clean.Count(char.IsLetterOrDigit) < 3)
        {
            return Validation.Fail(t["street_missing"]);
        }

        // A phone or ID number, or an e-mail address, is not an address (and may belong to a later step).
        if ((VietnameseText.DigitsOnly(clean) is { Length: >= 9 } || EmailAddress.Check(clean, t).IsValid) && !clean.Contains(' ', StringComparison.Ordinal) || VietnameseText.DigitsOnly(clean) is { Length: >= 9 })
        {
            return Validation.Fail(t["street_not_address"]);
        }

        return clean.Length > 200
            ? Validation.Fail(t["street_too_long"])
            : Validation.Ok(clean);
    }
}
