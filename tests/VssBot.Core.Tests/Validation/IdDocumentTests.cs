using VssBot.Core.Domain.Validation;

namespace VssBot.Core.Tests.Validation;

public sealed class IdDocumentTests
{
    [Theory]
    [InlineData("001090001234", IdDocument.Cccd, "001090001234")]
    [InlineData("001 090 001 234", IdDocument.Cccd, "001090001234")]
    [InlineData("031165001", IdDocument.Cmnd, "031165001")]
    [InlineData("031165001234", IdDocument.Cmnd, "031165001234")]
    [InlineData("C1234567", IdDocument.Passport, "C1234567")]
    [InlineData("c 1234567", IdDocument.Passport, "C1234567")]
    [InlineData("N12345678", IdDocument.Passport, "N12345678")]
    public void AcceptsEachDocumentsNumbers(string input, string type, string expected)
    {
        var result = IdDocument.Check(input, type);
        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("00109000123", IdDocument.Cccd, "11 số")]
    [InlineData("0310", IdDocument.Cmnd, "9 hoặc 12")]
    [InlineData("1234567", IdDocument.Passport, "chữ cái")]
    [InlineData("CCCD 001090001234", IdDocument.Cccd, "chỉ gồm 12 chữ số")]
    public void RefusesWithTheRule(string input, string type, string expectedInError)
    {
        var result = IdDocument.Check(input, type);
        Assert.False(result.IsValid);
        Assert.Contains(expectedInError, result.Error);
    }

    [Theory]
    [InlineData("001090001234", 1990)]
    [InlineData("001190001234", 1990)]
    [InlineData("001205001234", 2005)]
    [InlineData("001305001234", 2005)]
    public void ReadsTheBirthYearTheStructureSuggests(string cccd, int year) =>
        Assert.Equal(year, IdDocument.BirthYearFromCccd(cccd));
}
