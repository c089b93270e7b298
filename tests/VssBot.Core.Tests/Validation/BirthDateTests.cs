using VssBot.Core.Domain.Validation;

namespace VssBot.Core.Tests.Validation;

public sealed class BirthDateTests
{
    private static readonly ValidationTexts T = Support.EngineHarness.Content.Validation;

    private static readonly DateOnly Today = new(2026, 11, 24);

    [Theory]
    [InlineData("05/03/1990")]
    [InlineData("5/3/1990")]
    [InlineData("05-03-1990")]
    [InlineData("05.03.1990")]
    [InlineData("05 03 1990")]
    [InlineData("05031990")]
    [InlineData("ngày 5 tháng 3 năm 1990")]
    [InlineData("ngay 5 thang 3 nam 1990")]
    [InlineData("５/３/１９９０")]
    [InlineData("5/3/90")]
    [InlineData("mùng 5/3/1990")]
    [InlineData("5/3/1990 ạ")]
    [InlineData("sinh ngày 5 tháng 3 năm 1990")]
    [InlineData("em sinh ngày mùng 5 tháng 3 năm 1990 ạ")]
    [InlineData("1990-03-05")]
    [InlineData("050390")]
    [InlineData("ngày 05 tháng 03 năm 90")]
    public void ReadsCommonWaysOfWritingADate(string input)
    {
        var result = BirthDate.Check(input, Today, T);
        Assert.True(result.IsValid, result.Error);
        Assert.Equal("1990-03-05", result.Value);
        Assert.Equal("05/03/1990", result.Display);
    }

    [Fact]
    public void ATwoDigitYearUpToThisYearIsThisCentury() =>
        Assert.Equal("2012-01-02", BirthDate.Check("2/1/12", Today, T).Value);

    [Theory]
    [InlineData("31/02/1990", "không có ngày 31")]
    [InlineData("05/13/1990", "Tháng phải từ 1 đến 12")]
    [InlineData("25/11/2027", "tương lai")]
    [InlineData("hôm qua", "chưa đọc được")]
    [InlineData("01/01/1850", "chưa đúng")]
    public void RefusesImpossibleOrFutureDates(string input, string expectedInError)
    {
        var result = BirthDate.Check(input, Today, T);
        Assert.False(result.IsValid);
        Assert.Contains(expectedInError, result.Error);
    }

    [Theory]
    [InlineData("1990")]
    [InlineData("năm 1990")]
    [InlineData("sinh năm 1990")]
    public void AYearAloneIsAcceptedWithANote(string input)
    {
        var result = BirthDate.Check(input, Today, T);
        Assert.True(result.IsValid, result.Error);
        Assert.Equal("1990", result.Value);
        Assert.Contains("không có ngày, tháng", result.Note);
        Assert.Equal(new DateOnly(1990, 1, 1), BirthDate.Parse(result.Value!));
    }

    [Fact]
    public void AnAdultIsAtLeastFifteen()
    {
        Assert.False(BirthDate.CheckAdult("01/01/2015", Today, T).IsValid);
        Assert.Contains("chưa đủ 15 tuổi", BirthDate.CheckAdult("01/01/2015", Today, T).Error);
        Assert.True(BirthDate.CheckAdult("24/11/2011", Today, T).IsValid);
    }
}
