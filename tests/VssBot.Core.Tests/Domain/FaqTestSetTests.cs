using VssBot.Core.Tests.Support;
using Xunit.Abstractions;

namespace VssBot.Core.Tests.Domain;

/// <summary>The FAQ's accuracy on a test set of questions as people type them
/// (Faq/questions.txt): the share answered with the expected entry, or with nothing when
/// nothing should answer. Printed as a figure; it must stay at or above the floor.</summary>
public sealed class FaqTestSetTests(ITestOutputHelper output)
{
    public const double Floor = 0.9;

    [Fact]
    public void TheFaqAnswersTheTestSetAccurately()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Faq", "questions.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => (Expected: l[..l.IndexOf('|')].Trim(), Question: l[(l.IndexOf('|') + 1)..].Trim()))
            .ToList();
        Assert.True(lines.Count >= 150, $"{lines.Count} questions");
        var faq = EngineHarness.Content.Faq;
        Assert.All(lines.Where(l => l.Expected != "-"), l => Assert.Contains(faq.Entries, e => e.Id == l.Expected));

        var misses = lines
            .Select(l => (l.Expected, l.Question, Got: faq.Match(l.Question)?.Id ?? "-"))
            .Where(r => r.Got != r.Expected)
            .ToList();
        var accuracy = 1 - (double)misses.Count / lines.Count;
        output.WriteLine($"FAQ accuracy: {accuracy:P1} ({lines.Count - misses.Count} of {lines.Count})");
        foreach (var miss in misses)
        {
            output.WriteLine($"  “{miss.Question}”: {miss.Got}, expected {miss.Expected}");
        }

        Assert.True(accuracy >= Floor, $"FAQ accuracy {accuracy:P1} below {Floor:P0}:\n" + string.Join('\n', misses.Select(m => $"“{m.Question}”: {m.Got}, expected {m.Expected}")));
    }
}
