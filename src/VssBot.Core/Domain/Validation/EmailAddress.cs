using System.Net.Mail;
using VssBot.Core.Text;

namespace VssBot.Core.Domain.Validation;

/// <summary>An optional e-mail address for the declaration and later transactions.</summary>
public static class EmailAddress
{
    public static Validation Check(string text, ValidationTexts t)
    {
        var clean = VietnameseText.Clean(text).Replace(" ", "");
        if (clean.Length <= 254 && MailAddress.TryCreate(clean, out var address) && address.Address == clean
            && address.Host.Contains('.') && !address.Host.EndsWith('.'))
        {
            var lower = clean.ToLowerInvariant();
            return Validation.Ok(lower);
        }

        return Validation.Fail(t["email_invalid"]);
    }
}
