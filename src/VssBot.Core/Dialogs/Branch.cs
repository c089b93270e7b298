namespace VssBot.Core.Dialogs;

/// <summary>A conditional edge: go to <see cref="Goto"/> when <see cref="When"/> holds.
/// <see cref="When"/> is a named condition, its negation ("!name"), or "field=value".</summary>
public sealed record Branch(string When, string Goto)
{
    public const string Always = "always";
}
