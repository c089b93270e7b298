using VssBot.Core.Domain.Validation;

namespace VssBot.Core.Tests.Validation;

public sealed class EmailAndStreetTests
{
    private static readonly ValidationTexts T = Support.EngineHarness.Content.Validation;

    [Theory]
    [InlineData("An.Nguyen@Gmail.com", "an.nguyen@gmail.com")]
    [InlineData(" ten@vnpt.vn ", "ten@vnpt.vn")]
    public void AcceptsAndLowersEmailAddresses(string input, string expected) =>
        Assert.Equal(expected, EmailAddress.Check(input, T).Value);

    [Theory]
    [InlineData("an.nguyen")]
    [InlineData("an@gmail")]
    [InlineData("an@@gmail.com")]
    public void RefusesMalformedEmailAddressesAndMentionsSkipping(string input)
    {
        var result = EmailAddress.Check(input, T);
        Assert.False(result.IsValid);
        Assert.Contains("Bỏ qua", result.Error);
    }

    [Fact]
    public void AStreetNeedsSomeLettersOrDigits()
    {
        Assert.True(StreetAddress.Check("Số 12, đường Cầu Diễn", T).IsValid);
        Assert.False(StreetAddress.Check("..", T).IsValid);
        Assert.False(StreetAddress.Check(new string('a', 201), T).IsValid);
    }
}
