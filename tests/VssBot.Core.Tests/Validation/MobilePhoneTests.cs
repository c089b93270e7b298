using VssBot.Core.Domain.Validation;

namespace VssBot.Core.Tests.Validation;

public sealed class MobilePhoneTests
{
    private static readonly ValidationTexts T = Support.EngineHarness.Content.Validation;

    [Theory]
    [InlineData("0912345678")]
    [InlineData("0912 345 678")]
    [InlineData("0912.345.678")]
    [InlineData("0912-345-678")]
    [InlineData("+84912345678")]
    [InlineData("+84 912 345 678")]
    [InlineData("84912345678")]
    [InlineData("０９１２３４５６７８")]
    public void AcceptsVietnameseMobileNumbersInTheirUsualForms(string input)
    {
        var result = MobilePhone.Check(input, T);
        Assert.True(result.IsValid, result.Error);
        Assert.Equal("+84912345678", result.Value);
        Assert.Equal("0912345678", result.Display);
    }

    [Theory]
    [InlineData("0352153000")]
    [InlineData("0862123456")]
    [InlineData("0701234567")]
    [InlineData("0561234567")]
    public void AcceptsEveryMobilePrefix(string input) => Assert.True(MobilePhone.Check(input, T).IsValid);

    [Theory]
    [InlineData("0225 3826 582", "không phải số di động")] // an office landline
    [InlineData("091234567", "10 chữ số")]
    [InlineData("+1 202 555 0100", "Việt Nam")]
    [InlineData("số của tôi", "chỉ gồm chữ số")]
    public void RefusesOtherNumbers(string input, string expectedInError)
    {
        var result = MobilePhone.Check(input, T);
        Assert.False(result.IsValid);
        Assert.Contains(expectedInError, result.Error);
    }
}
