namespace VssBot.Core.Engine;

/// <summary>One message from the bot, with the buttons to show and what it expects next.</summary>
public sealed record Reply(string Text, IReadOnlyList<string> Choices, string Expects)
{
    /// <summary>A document the message carries ("form01:{dossier}"), or null.</summary>
    public string? FileRef { get; init; }

    /// <summary>The message's place in the transcript.</summary>
    public int Seq { get; init; }
}
