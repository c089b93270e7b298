using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace VssBot.Core.Domain.IdCard;

/// <summary>Finds and decodes a QR code in a photo (ZXing.Net over the grey pixels SkiaSharp
/// decodes), trying harder, and at a smaller scale for big photos. A QR code is found at any
/// rotation by its finder patterns, so the image is not turned (ZXing's AutoRotate is for
/// one-dimensional codes), and the ID card's code is dark on light, so it is not inverted:
/// both multiplied the cost of a photo without a code, the common case, by six.</summary>
public static class QrReader
{
    private static readonly DecodingOptions Options = new()
    {
        PossibleFormats = [BarcodeFormat.QR_CODE],
        TryHarder = true,
        CharacterSet = "UTF-8",
    };

    public static string? Read(byte[] jpeg)
    {
        using var bitmap = SKBitmap.Decode(jpeg);
        if (bitmap is null)
        {
            return null;
        }

        // Full size first (a small code on a card), then halved (noise and blur average out),
        // unless the photo is small already.
        foreach (var scale in Math.Max(bitmap.Width, bitmap.Height) >= 800 ? [1.0, 0.5] : new[] { 1.0 })
        {
            using var scaled = scale == 1.0 ? null : bitmap.Resize(new SKImageInfo(Math.Max(1, (int)(bitmap.Width * scale)), Math.Max(1, (int)(bitmap.Height * scale))), new SKSamplingOptions(SKFilterMode.Linear));
            var source = scaled ?? bitmap;
            if (Decode(source) is { } text)
            {
                return text;
            }
        }

        return null;
    }

    private static string? Decode(SKBitmap bitmap)
    {
        using var grey = bitmap.Copy(SKColorType.Gray8);
        var reader = new BarcodeReaderGeneric { Options = Options };
        var luminance = new RGBLuminanceSource(grey.Bytes, grey.Width, grey.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        return reader.Decode(luminance)?.Text;
    }
}
