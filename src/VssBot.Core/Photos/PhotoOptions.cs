using System.ComponentModel.DataAnnotations;

namespace VssBot.Core.Photos;

/// <summary>Configuration section "Photos".</summary>
public sealed class PhotoOptions
{
    public const string Section = "Photos";

    /// <summary>Largest file accepted, in bytes (default 10 MB).</summary>
    [Range(typeof(long), "1024", "1073741824", ErrorMessage = "Photos:MaxBytes must be between {1} and {2}")]
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Largest image accepted, in pixels, checked before decoding so that a small
    /// file that decompresses to a huge image is refused without the memory.</summary>
    [Range(typeof(long), "10000", "1000000000", ErrorMessage = "Photos:MaxPixels must be between {1} and {2}")]
    public long MaxPixels { get; set; } = 50_000_000;

    /// <summary>Stored photos are scaled down so that the longer side is at most this.</summary>
    [Range(64, 20000, ErrorMessage = "Photos:MaxSide must be between {1} and {2}")]
    public int MaxSide { get; set; } = 2560;

    [Range(1, 100, ErrorMessage = "Photos:JpegQuality must be between {1} and {2}")]

    public int JpegQuality { get; set; } = 85;

    /// <summary>Megapixels that may be decoding at once, over all photos (4 bytes each:
    /// 64 is at most ~256 MB of bitmaps); a larger photo waits for its share.</summary>
    [Range(1, 100000, ErrorMessage = "Photos:DecodeBudgetMegapixels must be between {1} and {2}")]
    public int DecodeBudgetMegapixels { get; set; } = 64;
}
