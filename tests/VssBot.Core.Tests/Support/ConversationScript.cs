using System.Text;
using VssBot.Core.Text;

namespace VssBot.Core.Tests.Support;

/// <summary>
/// A scripted conversation read from a text file: "> text" is what the person says,
/// "> [photo]" sends a photo, "< text" must appear in the bot's replies to the last
/// message, "<! text" must not, "[ label" must be one of their buttons, "= step" is the
/// step the conversation must be on, "== step: text" is what its stored answer shows.
/// "@ dialog" on the first line starts another dialog than the main menu.
/// Comparisons ignore diacritics and case only where the script line has none.
/// </summary>
public static class ConversationScript
{
    public static IEnumerable<object[]> All() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Scripts"), "*.txt")
            .Order()
            .Select(p => new object[] { Path.GetFileName(p) });

    public static async Task RunAsync(string fileName)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Scripts", fileName), Encoding.UTF8);
        var start = lines.FirstOrDefault(l => l.StartsWith("@ "));
        var harness = await EngineHarness.StartAsync(start?[2..].Trim() ?? "menu");
        var lineNumber = 0;
        foreach (var raw in lines)
        {
            lineNumber++;
            var line = raw.TrimEnd();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith("@ "))
            {
                continue;
            }

            var where = $"{fileName}:{lineNumber}";
            if (line == "> [photo]")
            {
                await harness.SendPhotoAsync();
            }
            else if (line == "> [card]")
            {
                await harness.SendPhotoAsync(CardImages.Card());
            }
            else if (line.StartsWith("> "))
            {
                await harness.SayAsync(line[2..]);
            }
            else if (line.StartsWith("<! "))
            {
                Assert.False(Contains(harness.LastText, line[3..]), $"{where}: the bot said “{line[3..]}”:\n{harness.LastText}");
            }
            else if (line.StartsWith("< "))
            {
                Assert.True(Contains(harness.LastText, line[2..]), $"{where}: expected “{line[2..]}” in:\n{harness.LastText}");
            }
            else if (line.StartsWith("[ "))
            {
                var buttons = harness.Last.Replies.SelectMany(r => r.Choices).ToList();
                Assert.True(buttons.Contains(line[2..]), $"{where}: expected a button “{line[2..]}”, got: {string.Join(" | ", buttons)}");
            }
            else if (line.StartsWith("== "))
            {
                var (step, expected) = (line[3..line.IndexOf(':')], line[(line.IndexOf(':') + 1)..].Trim());
                var answer = harness.Conversation.Answers.GetValueOrDefault(step);
                Assert.True(answer?.Display == expected, $"{where}: expected {step} = “{expected}”, stored “{answer?.Display}”");
            }
            else if (line.StartsWith("= "))
            {
                Assert.True(line[2..] == harness.Conversation.StepId, $"{where}: expected step {line[2..]}, on {harness.Conversation.StepId}:\n{harness.LastText}");
            }
            else
            {
                throw new InvalidDataException($"{where}: unknown script line “{line}”");
            }
        }
    }

    private static bool Contains(string replies, string expected) =>
        replies.Contains(expected, StringComparison.Ordinal)
        || (VietnameseText.Fold(expected) == expected.ToLowerInvariant() && VietnameseText.Fold(replies).Contains(VietnameseText.Fold(expected)));
}
