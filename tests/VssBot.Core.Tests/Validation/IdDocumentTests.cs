using VssBot.Core.Domain.Validation;

namespace VssBot.Core.Tests.Validation;

public sealed class IdDocumentTests
{
    private static readonly ValidationTexts T = Support.EngineHarness.Content.Validation;

    [Theory]
    [InlineData("001090001234", IdDocument.Cccd, "001090001234")]
    [InlineData("001 090 001 234", IdDocument.Cccd, "001090001234")]
    [InlineData("031165001", IdDocument.Cmnd, "031165001")]
    [InlineData("031165001234", IdDocument.Cmnd, "031165001234")]
    [InlineData("C1234567", IdDocument.Passport, "C1234567")]
    [InlineData("c 1234567", IdDocument.Passport, "C1234567")]
    [InlineData("N12345678", IdDocument.Passport, "N12345678")]
    [InlineData("1234567", IdDocument.Passport, "1234567")] // other countries' passports
    [InlineData("AB123456C", IdDocument.Passport, "AB123456C")]
    [InlineData("E-12345678", IdDocument.Passport, "E12345678")]
    public void AcceptsEachDocumentsNumbers(string input, string type, string expected)
    {
        var result = IdDocument.Check(input, type, T);
        Assert.True(result.IsValid, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("00109000123", IdDocument.Cccd, "11 số")]
    [InlineData("0310", IdDocument.Cmnd, "9 hoặc 12")]
    [InlineData("12", IdDocument.Passport, "5 đến 12")]
    [InlineData("ABCDEFGH", IdDocument.Passport, "5 đến 12")]
    [InlineData("999090001234", IdDocument.Cccd, "không phải mã tỉnh")]
    [InlineData("003090001234", IdDocument.Cccd, "không phải mã tỉnh")]
    [InlineData("CCCD 001090001234", IdDocument.Cccd, "chỉ gồm 12 chữ số")]
    public void RefusesWithTheRule(string input, string type, string expectedInError)
    {
        var result = IdDocument.Check(input, type, T);
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

    [Theory]
    [InlineData("001490001234")]
    [InlineData("001890001234")]
    [InlineData("001990001234")]
    public void ACenturyDigitAboveThreeSaysNoYear(string cccd) => Assert.Null(IdDocument.BirthYearFromCccd(cccd));

    [Fact]
    public void ThePlaceCodesAreThe63ProvincesBefore2025()
    {
        using var file = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Support.Repo.Dialogs, "data/legacy/legacy-aliases.json")));
        var codes = file.RootElement.GetProperty("provinces").EnumerateArray().Select(p => "0" + p.GetProperty("old_code").GetString()).ToHashSet();
        Assert.Equal(63, codes.Count);
        Assert.True(codes.SetEquals(IdDocument.PlaceCodes));
    }
}
