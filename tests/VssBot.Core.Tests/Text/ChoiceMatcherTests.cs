using VssBot.Core.Text;

namespace VssBot.Core.Tests.Text;

public sealed class ChoiceMatcherTests
{
    private static readonly ChoiceOption[] Documents =
    [
        ChoiceOption.Of("cccd", "Căn cước công dân (CCCD)", "cccd", "căn cước"),
        ChoiceOption.Of("cmnd", "Chứng minh nhân dân (CMND)", "cmnd"),
        ChoiceOption.Of("passport", "Hộ chiếu", "passport"),
    ];

    [Theory]
    [InlineData("1", "cccd")]
    [InlineData("3", "passport")]
    [InlineData("Hộ chiếu", "passport")]
    [InlineData("ho chieu", "passport")]
    [InlineData("HO CHIEU", "passport")]
    [InlineData("ho chiue", "passport")] // misspelt
    [InlineData("can cuoc", "cccd")]
    [InlineData("chung minh nhan dan", "cmnd")]
    public void MatchesByNumberTextOrMisspelling(string input, string expected) =>
        Assert.Equal(expected, ChoiceMatcher.Match(input, Documents).Chosen?.Value);

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("xin chào")]
    public void MatchesNothingForUnrelatedInput(string input) =>
        Assert.Null(ChoiceMatcher.Match(input, Documents).Chosen);

    [Fact]
    public void SuggestsCloseWardsWhenNoneIsCertain()
    {
        var wards = Support.EngineHarness.Content.Units.WardOptions("01");
        var match = ChoiceMatcher.Match("phuc", wards);
        Assert.Null(match.Chosen);
        Assert.NotEmpty(match.Suggestions);
        Assert.All(match.Suggestions, s => Assert.Contains("phuc", s.Keys[0]));
    }

    [Theory]
    [InlineData("ba dinh", "00004")]
    [InlineData("Phường Ba Đình", "00004")]
    [InlineData("phuong ba dinh", "00004")]
    public void FindsAWardTypedWithOrWithoutDiacritics(string input, string code) =>
        Assert.Equal(code, ChoiceMatcher.Match(input, Support.EngineHarness.Content.Units.WardOptions("01")).Chosen?.Value);
}
