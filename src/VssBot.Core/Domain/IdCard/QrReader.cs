using SkiaSharp;
using ZXing;
using ZXing.Common;

namespace VssBot.Core.Domain.IdCard;

/// <summary>Finds and decodes a QR code in a photo (ZXing.Net over the pixels SkiaSharp
/// decodes), trying harder, rotated and inverted, and at a smaller scale for big photos.</summary>
public static class QrReader
{
    private static readonly DecodingOptions Options = new()
    {
        PossibleFormats = [BarcodeFormat.QR_CODE],
        TryHarder = true,
        TryInverted = true,
        CharacterSet = "UTF-8",
    };

    public static string? Read(byte[] jpeg)
    {
        using var bitmap = SKBitmap.Decode(jpeg);
        if (bitmap is null)
        {
            return null;
        }

        // Full size first (a small code on a card), then halved (noise and blur average out).
        foreach (var scale in new[] { 1.0, 0.5 })
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
        using var rgba = bitmap.Copy(SKColorType.Rgba8888);
        var reader = new BarcodeReaderGeneric { AutoRotate = true, Options = Options };
        var luminance = new RGBLuminanceSource(rgba.Bytes, rgba.Width, rgba.Height, RGBLuminanceSource.BitmapFormat.RGBA32);
        return reader.Decode(luminance)?.Text;
    }
}
