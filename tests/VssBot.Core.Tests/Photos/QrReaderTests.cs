using VssBot.Core.Domain.IdCard;
using VssBot.Core.Tests.Support;

namespace VssBot.Core.Tests.Photos;

/// <summary>The CCCD's QR code read from photos made here: clear, small, rotated, none.</summary>
public sealed class QrReaderTests
{
    [Theory]
    [InlineData(220, 0)]   // clear
    [InlineData(90, 0)]    // small: the code a card's corner holds, photographed from afar
    [InlineData(200, 90)]  // the phone held sideways
    [InlineData(200, 17)]  // askew
    [InlineData(200, 180)] // upside down
    public void TheQrCodeOfACardIsRead(int side, float degrees)
    {
        var text = QrReader.Read(CardImages.Card(qrSide: side, degrees: degrees));

        Assert.Equal(CardImages.Text, text);
        var card = CccdQr.Parse(text)!;
        Assert.Equal("031190001234", card.Number);
        Assert.Equal("Nguyễn Thị Bình", card.Name);
        Assert.Equal(new DateOnly(1990, 3, 5), card.BirthDate);
    }

    [Fact]
    public void APhotoWithoutAQrCodeReadsNothing() => Assert.Null(QrReader.Read(CardImages.Card(qrText: null)));

    [Theory]
    [InlineData("031190001234|031165001|Trần Văn An|01011990|Nam|Hà Nội|01012022", true)]
    [InlineData("031190001234||Trần Văn An|01011990|Nam", true)]
    [InlineData("031190001234", false)]
    [InlineData("hello|world", false)]
    [InlineData("031190001234||Trần Văn An|99999999|Nam|Hà Nội|01012022", false)]
    public void QrTextIsRecognisedOnlyInItsShape(string text, bool valid) => Assert.Equal(valid, CccdQr.Parse(text) is not null);
}
