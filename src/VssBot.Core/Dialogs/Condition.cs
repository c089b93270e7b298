namespace VssBot.Core.Dialogs;

/// <summary>
/// A branch's condition, compiled once when its dialog loads: always, an answer equal (or
/// not) to a value ("field=value", "field!=value"), or a named condition of the domain
/// ("name", "!name"). A malformed one stops start-up, naming its file and step.
/// </summary>
public abstract record Condition
{
    private Condition()
    {
    }

    public static Condition Parse(string when)
    {
        var text = when.Trim();
        if (text == Branch.Always)
        {
            return new Always();
        }

        var notEquals = text.IndexOf("!=", StringComparison.Ordinal);
        var equals = text.IndexOf('=');
        if (equals >= 0)
        {
            var negated = notEquals >= 0 && notEquals == equals - 1;
            var field = text[..(negated ? notEquals : equals)].Trim();
            var value = text[(equals + 1)..].Trim();
            if (field.Length == 0 || value.Length == 0 || value.Contains('=') || field.Contains('!') || field.Any(char.IsWhiteSpace))
            {
                throw new FormatException($"the condition '{when}' is not 'field=value' or 'field!=value'");
            }

            return new AnswerIs(field, value, negated);
        }

        var named = text.TrimStart('!');
        if (named.Length == 0 || text.Length - named.Length > 1 || named.Any(char.IsWhiteSpace))
        {
            throw new FormatException($"the condition '{when}' is not a name, '!name', 'field=value' or 'field!=value'");
        }

        return new Named(named, text.StartsWith('!'));
    }

    /// <summary>Holds for every conversation (a step's plain "next").</summary>
    public sealed record Always : Condition;

    /// <summary>The answer to <paramref name="Field"/> is (or, negated, is not) <paramref name="Value"/>.</summary>
    public sealed record AnswerIs(string Field, string Value, bool Negated) : Condition;

    /// <summary>A condition the domain names (<c>StepBehaviours.Conditions</c>), or its negation.</summary>
    public sealed record Named(string Name, bool Negated) : Condition;
}
