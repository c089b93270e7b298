using VssBot.Core.Text;

namespace VssBot.Core.Engine;

/// <summary>
/// Words that work at every step (back, cancel, help, restart, keep, skip) and the
/// ways to say yes and no, from dialogs/commands.yaml, compared folded so that
/// "quay lai" and "Quay lại" are the same.
/// </summary>
public sealed class CommandWords
{
    public static readonly string[] Names = ["back", "cancel", "help", "restart", "keep", "skip", "yes", "no", "menu", "erase", "handoff", "form", "status", "stop_reminders"];

    private readonly Dictionary<string, string> _byPhrase = [];
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _phrases;

    public CommandWords(IReadOnlyDictionary<string, IReadOnlyList<string>> phrases)
    {
        _phrases = phrases;
        foreach (var (command, list) in phrases)
        {
            foreach (var phrase in list)
            {
                _byPhrase[VietnameseText.Fold(phrase)] = command;
            }
        }
    }

    /// <summary>The command the whole message says, or null.</summary>
    public string? Recognise(string text)
    {
        var folded = VietnameseText.Fold(text);
        if (folded.Length == 0)
        {
            return null;
        }

        return _byPhrase.GetValueOrDefault(folded) ?? _byPhrase.GetValueOrDefault(folded.TrimEnd('?', ' '));
    }

    /// <summary>The phrases of one command, as written in the file.</summary>
    public IReadOnlyList<string> Phrases(string command) => _phrases.GetValueOrDefault(command) ?? [];
}
