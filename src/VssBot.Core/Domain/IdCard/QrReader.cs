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
        // Decoded straight to grey (the JPEG decoder does it, no colour copy), full size first
        // (a small code on a card), then, for a big photo, at half size, which the decoder
        // scales itself (noise and blur average out).
        using var codec = SKCodec.Create(new SKMemoryStream(jpeg));
        if (codec is null)
        {
            return null;
        }

        var size = codec.Info.Size;
        var sizes = Math.Max(size.Width, size.Height) >= 800 ? [size, codec.GetScaledDimensions(0.5f)] : new[] { size };
        foreach (var scaled in sizes)
        {
            using var grey = Grey(codec, scaled);
            if (grey is not null && Decode(grey) is { } text)
            {
                return text;
            }
        }

        return null;
    }

    // JPEG decodes to grey directly; other formats (PNG) in colour, then made grey.
    private static SKBitmap? Grey(SKCodec codec, SKSizeI size)
    {
        if (SKBitmap.Decode(codec, new SKImageInfo(size.Width, size.Height, SKColorType.Gray8, SKAlphaType.Opaque)) is { } grey)
        {
            return grey;
        }

        using var colour = SKBitmap.Decode(codec, new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        return colour?.Copy(SKColorType.Gray8);
    }

    private static string? Decode(SKBitmap grey)
    {
        var reader = new BarcodeReaderGeneric { Options = Options };
        var luminance = new RGBLuminanceSource(grey.Bytes, grey.Width, grey.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        return reader.Decode(luminance)?.Text;
    }
}
