namespace VssBot.Core.Engine;

/// <summary>One message from the bot, with the buttons to show and what it expects next.</summary>
public sealed record Reply(string Text, IReadOnlyList<string> Choices, string Expects);
