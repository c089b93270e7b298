using VssBot.Core.Domain.Validation;

namespace VssBot.Core.Tests.Validation;

public sealed class BhxhCodeTests
{
    private static readonly ValidationTexts T = Support.EngineHarness.Content.Validation;

    [Theory]
    [InlineData("0123456789", "0123456789")]
    [InlineData("012 345 6789", "0123456789")]
    [InlineData("012.345.6789", "0123456789")]
    [InlineData("０１２３４５６７８９", "0123456789")] // full-width digits
    [InlineData("DN4010123456789", "0123456789")]
    [InlineData("dn 4 01 0123456789", "0123456789")]
    [InlineData("HS4310123456789", "0123456789")]
    public void AcceptsTenDigitsOrACardNumber(string input, string expected)
    {
        var result = BhxhCode.Check(input, T);
        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Fact]
    public void ACardNumberIsExplainedAsItsLastTenDigits()
    {
        var result = BhxhCode.Check("DN4010123456789", T);
        Assert.Contains("10 số cuối", result.Note);
    }

    [Fact]
    public void TheTwelveDigitPersonalNumberIsAcceptedWithAnExplanation()
    {
        var result = BhxhCode.Check("001090001234", T);
        Assert.True(result.IsValid);
        Assert.Equal("001090001234", result.Value);
        Assert.Contains("01/8/2025", result.Note);
    }

    [Theory]
    [InlineData("012345678", "9 số")]
    [InlineData("01234567890", "11 số")]
    [InlineData("abc", "chỉ gồm chữ số")]
    [InlineData("DN9010123456789", "mức hưởng")]
    [InlineData("", "chỉ gồm chữ số")]
    public void RefusesWithExactlyWhatIsWrong(string input, string expectedInError)
    {
        var result = BhxhCode.Check(input, T);
        Assert.False(result.IsValid);
        Assert.Contains(expectedInError, result.Error);
    }
}
