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

    /// <summary>
    /// The same set through the real engine, typed at the main menu as a person opening the
    /// chat types it, not through the matcher alone: an expected entry must be answered (its
    /// answer's first sentence in the replies) and no flow started; a question nothing should
    /// answer must not get an FAQ answer. Printed per class. The questions are the team's
    /// (issue 24 asks for citizens' own; see the closing note), so this measures the routing,
    /// not the coverage of real questions.
    /// </summary>
    [Fact]
    public async Task TheTestSetTypedAtTheMenuGetsItsAnswerThroughTheEngine()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Faq", "questions.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => (Expected: l[..l.IndexOf('|')].Trim(), Question: l[(l.IndexOf('|') + 1)..].Trim()))
            .ToList();
        var entries = EngineHarness.Content.Faq.Entries.ToDictionary(e => e.Id);
        // An answer is known by its opening words (up to a placeholder, at most 40 characters).
        string Opening(string answer)
        {
            var text = answer.Split('{')[0].Trim();
            return text[..Math.Min(40, text.Length)];
        }

        var answeredBy = entries.Values.Select(e => (e.Id, Opening: Opening(e.Answer))).ToList();
        // Menu options an entry offers: a question that starts that option's flow was answered by doing it.
        var flows = new Dictionary<string, string> { ["Đăng ký VssID cho bản thân"] = "adult-registration", ["Đăng ký VssID cho con (dưới 18 tuổi)"] = "child-enrollment" };

        var results = new List<(string Expected, string Question, bool Right, string Got)>();
        foreach (var (expected, question) in lines)
        {
            var chat = await EngineHarness.StartAsync("menu");
            await chat.SayAsync(question);
            var got = answeredBy.FirstOrDefault(a => chat.LastText.Contains(a.Opening, StringComparison.Ordinal)).Id
                ?? (chat.Conversation.DialogId != "menu" ? "@" + chat.Conversation.DialogId : chat.Conversation.StepId == "contact_where" ? "@contacts" : "-");
            var right = expected == "-"
                ? got == "-"
                : got == expected || entries[expected].Offer.Any(o => flows.TryGetValue(o, out var flow) && got == "@" + flow)
                  || (expected == "hotline" && got == "@contacts"); // the menu's contacts step gives the office and the hotline
            results.Add((expected, question, right, got));
        }

        foreach (var group in results.GroupBy(r => r.Expected == "-" ? "no answer expected" : "an entry expected"))
        {
            output.WriteLine($"through the engine, at the menu, {group.Key}: {group.Count(r => r.Right)} of {group.Count()} ({(double)group.Count(r => r.Right) / group.Count():P1})");
        }

        foreach (var miss in results.Where(r => !r.Right))
        {
            output.WriteLine($"  “{miss.Question}”: {miss.Got}, expected {miss.Expected}");
        }

        var accuracy = (double)results.Count(r => r.Right) / results.Count;
        output.WriteLine($"through the engine, at the menu: {accuracy:P1} of {results.Count}");
        Assert.True(accuracy >= Floor, $"{accuracy:P1} below {Floor:P0}");
    }
}
