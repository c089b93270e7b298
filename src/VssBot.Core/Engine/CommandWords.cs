using VssBot.Core.Text;

namespace VssBot.Core.Engine;

/// <summary>
/// Words that work at every step (back, cancel, help, restart, keep, skip) and the
/// ways to say yes and no, from dialogs/commands.yaml, compared folded so that
/// "quay lai" and "Quay lại" are the same.
/// </summary>
public sealed class CommandWords
{
    /// <summary>Each command's key in dialogs/commands.yaml.</summary>
    public static readonly IReadOnlyDictionary<Command, string> Keys = Enum.GetValues<Command>().ToDictionary(c => c, KeyOf);

    public static readonly string[] Names = [.. Keys.Values];

    private readonly Dictionary<string, Command> _byPhrase = [];
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _phrases;

    public CommandWords(IReadOnlyDictionary<string, IReadOnlyList<string>> phrases)
    {
        _phrases = phrases;
        foreach (var (command, key) in Keys)
        {
            foreach (var phrase in phrases.GetValueOrDefault(key) ?? [])
            {
                _byPhrase[VietnameseText.Fold(phrase)] = command;
            }
        }
    }

    /// <summary>The command the whole message says, or null.</summary>
    public Command? Recognise(string text)
    {
        var folded = VietnameseText.Fold(text);
        if (folded.Length == 0)
        {
            return null;
        }

        return _byPhrase.TryGetValue(folded, out var command) || _byPhrase.TryGetValue(folded.TrimEnd('?', ' '), out command) ? command : null;
    }

    /// <summary>The phrases of one command, as written in the file.</summary>
    public IReadOnlyList<string> Phrases(Command command) => _phrases.GetValueOrDefault(Keys[command]) ?? [];

    // StopReminders → "stop_reminders".
    private static string KeyOf(Command command) =>
        string.Concat(command.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
