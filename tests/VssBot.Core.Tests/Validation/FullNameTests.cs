using VssBot.Core.Domain.Validation;

namespace VssBot.Core.Tests.Validation;

public sealed class FullNameTests
{
    private static readonly ValidationTexts T = Support.EngineHarness.Content.Validation;

    [Theory]
    [InlineData("nguyễn văn an", "Nguyễn Văn An")]
    [InlineData("  HUỲNH   THỊ  MINH ", "Huỳnh Thị Minh")]
    [InlineData("nguyen van an", "Nguyen Van An")]
    [InlineData("đỗ việt hưng", "Đỗ Việt Hưng")]
    [InlineData("Nguye\u0302\u0303n Va\u0306n An", "Nguyễn Văn An")] // decomposed diacritics become composed
    [InlineData("H'Hen Niê", "H'Hen Niê")]
    [InlineData("h’hen niê", "H'Hen Niê")]
    [InlineData("Y-Moan Ênuôl", "Y-Moan Ênuôl")]
    [InlineData("y-moan ênuôl", "Y-Moan Ênuôl")]
    [InlineData("K'Brơi Ka Sô Liễng", "K'Brơi Ka Sô Liễng")]
    [InlineData("Hoàng Thị Ư", "Hoàng Thị Ư")]
    [InlineData("Ksor Y Đhăm", "Ksor Y Đhăm")]
    // Apostrophe look-alikes as official lists print them, and spaces around them (issue 24).
    [InlineData("H′Hen Niê", "H'Hen Niê")]
    [InlineData("H`Hen Niê", "H'Hen Niê")]
    [InlineData("H´Hen Niê", "H'Hen Niê")]
    [InlineData("K’ Brơi Ka Sô Liễng", "K'Brơi Ka Sô Liễng")]
    [InlineData("H ' Hen Niê", "H'Hen Niê")]
    // A passport name: any Latin letter with any mark.
    [InlineData("Chloë Nguyễn", "Chloë Nguyễn")]
    [InlineData("José Muñoz", "José Muñoz")]
    [InlineData("Søren Åberg", "Søren Åberg")]
    [InlineData("François Lê", "François Lê")]
    // A hyphenated token is words.
    [InlineData("Nguyễn-Phương", "Nguyễn-Phương")]
    public void NormalisesSpacingAndCapitals(string input, string expected)
    {
        var result = FullName.Check(input, T);
        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("Nguyễn Văn 2", "chữ số")]
    [InlineData("Nguyễn@Văn", "@")]
    [InlineData("", "chưa nhập")]
    [InlineData("Nguyễn Vаn An", "không phải chữ tiếng Việt")] // a Cyrillic "а"
    [InlineData("王 小明", "không phải chữ tiếng Việt")]
    [InlineData("'Hen Niê", "chỉ đứng giữa")]
    [InlineData("Y- Moan", "chỉ đứng giữa")]
    public void RefusesWhatIsNotAName(string input, string expectedInError)
    {
        var result = FullName.Check(input, T);
        Assert.False(result.IsValid);
        Assert.Contains(expectedInError, result.Error);
    }

    [Theory]
    [InlineData("Döông Tuyeát Duy", "ö")] // "Dương Tuyết Duy" typed in the VNI font, from the real-names list
    [InlineData("Chloë Nguyễn", "◌̈")]
    public void LettersVietnameseDoesNotUseAreAcceptedWithAQuestion(string name, string letter)
    {
        var result = FullName.Check(name, T);
        Assert.True(result.IsValid, result.Error);
        Assert.Contains("hộ chiếu", result.Note);
        Assert.Contains(letter, result.Note);
    }

    [Theory]
    [InlineData("Blơng")]
    [InlineData("ksor")]
    public void AOneWordNameIsAcceptedWithOneQuestion(string name)
    {
        var result = FullName.Check(name, T);
        Assert.True(result.IsValid, result.Error);
        Assert.Contains("chỉ có một chữ", result.Note);
        Assert.Contains("quay lại", result.Note);
    }

    [Fact]
    public void ANameWithoutDiacriticsIsAcceptedWithAQuestion()
    {
        var result = FullName.Check("nguyen thi binh", T);
        Assert.True(result.IsValid);
        Assert.Equal("Nguyen Thi Binh", result.Value);
        Assert.Contains("không dấu", result.Note);
        Assert.Null(FullName.Check("Nguyễn Thị Bình", T).Note);
    }
}
