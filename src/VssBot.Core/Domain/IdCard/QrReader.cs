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
        // Full size first (a small code on a card), then, for a big photo, at half size, which
        // the JPEG decoder scales itself (noise and blur average out).
        using var codec = SKCodec.Create(new SKMemoryStream(jpeg));
        if (codec is null)
        {
            return null;
        }

        var size = codec.Info.Size;
        var sizes = Math.Max(size.Width, size.Height) >= 800 ? [size, codec.GetScaledDimensions(0.5f)] : new[] { size };
        foreach (var scaled in sizes)
        {
            if (Decode(codec, scaled) is { } text)
            {
                return text;
            }
        }

        return null;
    }

    // Grey straight from the decoder where it can (a grey JPEG), else the colours as decoded,
    // which ZXing turns to luminance itself: no Skia copy (a copy leaves a shader to the
    // finalizer thread).
    private static string? Decode(SKCodec codec, SKSizeI size)
    {
        var reader = new BarcodeReaderGeneric { Options = Options };
        if (codec.Info.ColorType == SKColorType.Gray8)
        {
            using var grey = SKBitmap.Decode(codec, new SKImageInfo(size.Width, size.Height, SKColorType.Gray8, SKAlphaType.Opaque));
            return grey is null ? null : reader.Decode(new RGBLuminanceSource(grey.Bytes, grey.Width, grey.Height, RGBLuminanceSource.BitmapFormat.Gray8))?.Text;
        }

        using var colour = SKBitmap.Decode(codec, new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        return colour is null ? null : reader.Decode(new RGBLuminanceSource(colour.Bytes, colour.Width, colour.Height, RGBLuminanceSource.BitmapFormat.RGBA32))?.Text;
    }
}
