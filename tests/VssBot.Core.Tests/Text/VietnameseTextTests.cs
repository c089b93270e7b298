using VssBot.Core.Text;

namespace VssBot.Core.Tests.Text;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Quay lại", "quay lai")]
    [InlineData("  QUAY   LẠI ", "quay lai")]
    [InlineData("Đồng ý!", "dong y")]
    [InlineData("Thành phố Hồ Chí Minh", "thanh pho ho chi minh")]
    [InlineData("mã BHXH là gì?", "ma bhxh la gi?")]
    [InlineData("q\u200Buay lai", "quay lai")] // zero-width space
    public void FoldsCaseDiacriticsAndSpacing(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(input));

    [Theory]
    [InlineData("０９１２", "0912")]
    [InlineData("09.12-34 56", "09123456")]
    public void ReadsDigitsTypedWithSeparators(string input, string expected) =>
        Assert.Equal(expected, VietnameseText.DigitsOnly(input));

    [Fact]
    public void DigitsOnlyRefusesLetters() => Assert.Null(VietnameseText.DigitsOnly("09a12"));
}
