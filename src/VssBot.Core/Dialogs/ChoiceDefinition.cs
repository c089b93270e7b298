namespace VssBot.Core.Dialogs;

/// <summary>A fixed option of a choice step: the stored value, the button label and
/// other ways people type it.</summary>
public sealed record ChoiceDefinition(string Value, string Label, IReadOnlyList<string> Aliases);
