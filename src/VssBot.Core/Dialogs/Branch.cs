namespace VssBot.Core.Dialogs;

/// <summary>A conditional edge: go to <see cref="Goto"/> when <see cref="When"/> holds.
/// <see cref="When"/> is a named condition, its negation ("!name"), or "field=value".</summary>
public sealed record Branch(string When, string Goto)
{
    public const string Always = "always";

    /// <summary><see cref="When"/>, compiled (throws <see cref="FormatException"/> for a malformed one).</summary>
    public Condition Condition { get; } = Condition.Parse(When);

    /// <summary>Targets starting with this go to another dialog's start: "@menu".</summary>
    public const char DialogPrefix = '@';

    public bool LeavesDialog => Goto.StartsWith(DialogPrefix);
}
