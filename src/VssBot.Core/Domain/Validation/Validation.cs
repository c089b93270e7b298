namespace VssBot.Core.Domain.Validation;

/// <summary>
/// The outcome of checking an answer: the normalised value to store and show, an
/// optional note to tell the person (e.g. "the last 10 digits of your card"), or
/// exactly what is wrong.
/// </summary>
public sealed record Validation(string? Value, string? Display, string? Note, string? Error)
{
    public bool IsValid => Error is null;

    public static Validation Ok(string value, string? display = null, string? note = null) =>
        new(value, display ?? value, note, null);

    public static Validation Fail(string error) => new(null, null, null, error);
}
