using System.Threading.RateLimiting;
using SkiaSharp;

namespace VssBot.Core.Photos;

/// <summary>
/// Checks a photo sent by a person and makes our stored copy: the type read from the
/// bytes (JPEG, PNG, WebP), size and pixel count bounded before decoding, EXIF
/// orientation applied, scaled down and re-encoded as JPEG (which also drops metadata
/// such as GPS position).
/// </summary>
public sealed class PhotoIntake(PhotoOptions options, Domain.Validation.ValidationTexts texts)
{
    // Decoding holds a bitmap of 4 bytes a pixel. Photos being decoded at once share a
    // budget of megapixels (one permit each), waited for asynchronously; a full waiting line
    // is refused at once ("busy") rather than queued without end. A PNG or WebP, which the
    // codec cannot scale while decoding, takes its full size from the budget.
    private readonly ConcurrencyLimiter _pixels = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.DecodeBudgetMegapixels,
        QueueLimit = options.DecodeBudgetMegapixels * 4,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    // And at most one decode a core, so that text turns keep their share of the processor.
    private readonly ConcurrencyLimiter _cores = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = Environment.ProcessorCount,
        QueueLimit = options.DecodeBudgetMegapixels * 4,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public PhotoOptions Options { get; } = options;

    public string TooLargeMessage => texts.Format("photo_too_large", ("megabytes", Options.MaxBytes / (1024 * 1024)));

    public string NotAnImageMessage => texts["photo_not_image"];

    public string UnreadableMessage => texts["photo_unreadable"];

    public static string? SniffType(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
        {
            return "image/jpeg";
        }

        if (bytes.Length >= 8 && bytes[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return "image/png";
        }

        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        return null;
    }

    public string BusyMessage => texts["photo_busy"];

    public async Task<PhotoCheck> CheckAsync(byte[] bytes, CancellationToken cancellationToken = default)
    {
        var check = await CheckPhotoAsync(bytes, cancellationToken);
        var outcome = check.Busy ? "busy" : check.Jpeg is null ? "refused" : check.Findings.Count > 0 ? "hinted" : "accepted";
        Telemetry.VssBotMetrics.Photos.Add(1, Telemetry.VssBotMetrics.Tag("outcome", outcome));
        return check;
    }

    private async Task<PhotoCheck> CheckPhotoAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        if (bytes.LongLength > Options.MaxBytes)
        {
            return new PhotoCheck(null, TooLargeMessage, TooLarge: true);
        }

        if (SniffType(bytes) is null)
        {
            return new PhotoCheck(null, NotAnImageMessage);
        }

        // Only the header is read here: the size is known before any pixel is decoded.
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            return new PhotoCheck(null, UnreadableMessage);
        }

        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > Options.MaxPixels)
        {
            return new PhotoCheck(null, TooManyPixelsMessage);
        }

        var scale = Math.Min(1f, (float)Options.MaxSide / Math.Max(info.Width, info.Height));
        var size = codec.GetScaledDimensions(scale);
        var permits = (int)Math.Max(1, ((long)size.Width * size.Height + 999_999) / 1_000_000);
        if (permits > Options.DecodeBudgetMegapixels)
        {
            return new PhotoCheck(null, TooManyPixelsMessage);
        }

        using var core = await _cores.AcquireAsync(1, cancellationToken);
        if (!core.IsAcquired)
        {
            return new PhotoCheck(null, BusyMessage, Busy: true);
        }

        using var pixels = await _pixels.AcquireAsync(permits, cancellationToken);
        if (!pixels.IsAcquired)
        {
            return new PhotoCheck(null, BusyMessage, Busy: true);
        }

        return Decode(codec, size);
    }

    private string TooManyPixelsMessage => texts["photo_too_many_pixels"];

    private PhotoCheck Decode(SKCodec codec, SKSizeI size)
    {
        // Decode at a reduced scale where the codec can (JPEG), to bound memory for big photos.
        var decodeInfo = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(decodeInfo);
        var result = codec.GetPixels(decodeInfo, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            return new PhotoCheck(null, UnreadableMessage);
        }

        // Orient may dispose what it is given; SkiaSharp objects take a second Dispose quietly.
        using var sized = Resize(bitmap) ?? bitmap;
        using var upright = Orient(sized, codec.EncodedOrigin);
        using var image = SKImage.FromBitmap(upright);
        using var encoded = image.Encode(SKEncodedImageFormat.Jpeg, Options.JpegQuality);
        return encoded is null ? new PhotoCheck(null, UnreadableMessage) : new PhotoCheck(encoded.ToArray(), null) { Findings = PhotoQuality.Findings(upright) };
    }

    /// <summary>The bitmap scaled down to <see cref="PhotoOptions.MaxSide"/>, or null when it fits.</summary>
    private SKBitmap? Resize(SKBitmap bitmap)
    {
        var longer = Math.Max(bitmap.Width, bitmap.Height);
        if (longer <= Options.MaxSide)
        {
            return null;
        }

        var ratio = (double)Options.MaxSide / longer;
        var info = new SKImageInfo(Math.Max(1, (int)(bitmap.Width * ratio)), Math.Max(1, (int)(bitmap.Height * ratio)));
        return bitmap.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
    }

    /// <summary>Applies the EXIF orientation, so that a phone photo taken sideways is
    /// stored upright and staff never have to rotate an ID card.</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        float w = source.Width, h = source.Height;
        // Maps a source pixel (x, y) to its upright place: dest = M · src.
        SKMatrix? matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => null,
        };
        if (matrix is null)
        {
            return source;
        }

        var swaps = origin >= SKEncodedOrigin.LeftTop;
        var upright = new SKBitmap(swaps ? source.Height : source.Width, swaps ? source.Width : source.Height);
        using (var canvas = new SKCanvas(upright))
        {
            canvas.SetMatrix(matrix.Value);
            canvas.DrawBitmap(source, 0, 0);
        }

        source.Dispose();
        return upright;
    }
}
