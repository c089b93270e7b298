namespace VssBot.Core.Engine;

/// <summary>A collected answer: the normalised value and how it is shown to people.</summary>
public sealed class Answer
{
    public string Value { get; set; } = "";
    public string Display { get; set; } = "";

    public static Answer Of(string value, string? display = null) => new() { Value = value, Display = display ?? value };
}
