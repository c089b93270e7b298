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
        if (Decode(codec, size) is { } text)
        {
            return text;
        }

        if (Math.Max(size.Width, size.Height) < 800)
        {
            return null;
        }

        // Half size: the JPEG decoder scales itself; other formats (a PNG poster) are scaled here.
        var half = codec.GetScaledDimensions(0.5f);
        if (half != size)
        {
            return Decode(codec, half, turned: true);
        }

        using var full = SKBitmap.Decode(codec, new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var scaled = new SKBitmap(new SKImageInfo(size.Width / 2, size.Height / 2, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (full is null || !full.ScalePixels(scaled, new SKSamplingOptions(SKFilterMode.Linear)))
        {
            return null;
        }

        return Read(scaled, RGBLuminanceSource.BitmapFormat.RGBA32, turned: true);
    }

    // Grey straight from the decoder where it can (a grey JPEG), else the colours as decoded,
    // which ZXing turns to luminance itself: no Skia copy (a copy leaves a shader to the
    // finalizer thread).
    private static string? Decode(SKCodec codec, SKSizeI size, bool turned = false)
    {
        if (codec.Info.ColorType == SKColorType.Gray8)
        {
            using var grey = SKBitmap.Decode(codec, new SKImageInfo(size.Width, size.Height, SKColorType.Gray8, SKAlphaType.Opaque));
            return grey is null ? null : Read(grey, RGBLuminanceSource.BitmapFormat.Gray8, turned);
        }

        using var colour = SKBitmap.Decode(codec, new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        return colour is null ? null : Read(colour, RGBLuminanceSource.BitmapFormat.RGBA32, turned);
    }

    // The last pass also tries the image turned: ZXing's sampling grid then falls differently,
    // which reads some codes the straight pass misses (a printed poster's, now and then).
    private static string? Read(SKBitmap bitmap, RGBLuminanceSource.BitmapFormat format, bool turned = false) =>
        new BarcodeReaderGeneric { Options = Options, AutoRotate = turned }.Decode(new RGBLuminanceSource(bitmap.Bytes, bitmap.Width, bitmap.Height, format))?.Text;
}
