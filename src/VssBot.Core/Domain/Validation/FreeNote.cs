using VssBot.Core.Text;

namespace VssBot.Core.Domain.Validation;

/// <summary>A few words of free text (what is wrong, and what it should be): 3 to 1,000 characters.</summary>
public static class FreeNote
{
    public static Validation Check(string text, ValidationTexts t)
    {
        var clean = VietnameseText.Clean(text).Normalize(System.Text.NormalizationForm.FormC);
        return clean.Count(char.IsLetterOrDigit) < 3 ? Validation.Fail(t["note_missing"])
            : clean.Length > 1000 ? Validation.Fail(t["note_too_long"])
            : Validation.Ok(clean);
    }
}
