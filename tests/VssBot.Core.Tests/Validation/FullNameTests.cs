using VssBot.Core.Domain.Validation;

namespace VssBot.Core.Tests.Validation;

public sealed class FullNameTests
{
    [Theory]
    [InlineData("nguyễn văn an", "Nguyễn Văn An")]
    [InlineData("  HUỲNH   THỊ  MINH ", "Huỳnh Thị Minh")]
    [InlineData("nguyen van an", "Nguyen Van An")]
    [InlineData("đỗ việt hưng", "Đỗ Việt Hưng")]
    [InlineData("Nguye\u0302\u0303n Va\u0306n An", "Nguyễn Văn An")] // decomposed diacritics become composed
    public void NormalisesSpacingAndCapitals(string input, string expected)
    {
        var result = FullName.Check(input);
        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("Nguyễn Văn 2", "chữ số")]
    [InlineData("Nguyễn@Văn", "@")]
    [InlineData("An", "đầy đủ")]
    [InlineData("", "chưa nhập")]
    public void RefusesWhatIsNotAName(string input, string expectedInError)
    {
        var result = FullName.Check(input);
        Assert.False(result.IsValid);
        Assert.Contains(expectedInError, result.Error);
    }
}
