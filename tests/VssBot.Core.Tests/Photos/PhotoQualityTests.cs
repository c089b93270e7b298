using SkiaSharp;
using VssBot.Core.Photos;
using VssBot.Core.Tests.Support;
using Xunit.Abstractions;

namespace VssBot.Core.Tests.Photos;

/// <summary>The photo checks calibrated on photos made here: sharp, blurred, dark and glared
/// card photos at several sizes and shades; the hit rates are printed.</summary>
public sealed class PhotoQualityTests(ITestOutputHelper output)
{
    private static SKBitmap Card(int seed, Action<SKCanvas, int, int>? spoil = null, float blur = 0, float light = 1)
    {
        var random = new Random(seed);
        var (width, height) = (random.Next(900, 1400), random.Next(600, 1000));
        var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        var shade = (byte)random.Next(150, 200);
        canvas.Clear(new SKColor((byte)(shade * light), (byte)(shade * light * 0.9), (byte)(shade * light * 0.8)));
        using var card = new SKPaint { Color = new SKColor((byte)(235 * light), (byte)(238 * light), (byte)(245 * light)), IsAntialias = true };
        canvas.DrawRoundRect(new SKRect(width * 0.1f, height * 0.15f, width * 0.9f, height * 0.85f), 20, 20, card);
        using var ink = new SKPaint { Color = new SKColor((byte)(20 * light), (byte)(30 * light), (byte)(80 * light)), IsAntialias = true };
        using var font = new SKFont(SKTypeface.Default, random.Next(22, 34));
        for (var line = 0; line < 8; line++)
        {
            canvas.DrawText("SỐ 0311900012" + line + " NGUYỄN VĂN AN", width * 0.15f, height * 0.25f + line * height * 0.07f, font, ink);
        }

        spoil?.Invoke(canvas, width, height);
        if (blur > 0)
        {
            using var blurred = new SKBitmap(width, height);
            using var blurCanvas = new SKCanvas(blurred);
            using var filter = new SKPaint { ImageFilter = SKImageFilter.CreateBlur(blur, blur) };
            blurCanvas.DrawBitmap(bitmap, 0, 0, filter);
            bitmap.Dispose();
            return blurred.Copy();
        }

        return bitmap;
    }

    private static void Glare(SKCanvas canvas, int width, int height)
    {
        using var paint = new SKPaint { Color = SKColors.White, IsAntialias = true };
        canvas.DrawOval(new SKRect(width * 0.3f, height * 0.3f, width * 0.62f, height * 0.62f), paint);
    }

    private double Rate(string name, Func<int, SKBitmap> make, string finding, bool expected)
    {
        var hits = 0;
        for (var seed = 0; seed < 12; seed++)
        {
            using var bitmap = make(seed);
            hits += PhotoQuality.Findings(bitmap).Contains(finding) == expected ? 1 : 0;
        }

        var rate = hits / 12.0;
        output.WriteLine($"{name}: {rate:P0} ({(expected ? "found" : "not found")} {finding})");
        return rate;
    }

    [Fact]
    public void TheChecksFindWhatIsWrongAndLeaveGoodPhotosAlone()
    {
        Assert.True(Rate("sharp", s => Card(s), PhotoQuality.Blurry, expected: false) >= 0.9);
        Assert.True(Rate("sharp", s => Card(s), PhotoQuality.Glare, expected: false) >= 0.9);
        Assert.True(Rate("sharp", s => Card(s), PhotoQuality.Dark, expected: false) >= 0.9);
        Assert.True(Rate("blurred", s => Card(s, blur: 6), PhotoQuality.Blurry, expected: true) >= 0.9);
        Assert.True(Rate("dark", s => Card(s, light: 0.22f), PhotoQuality.Dark, expected: true) >= 0.9);
        Assert.True(Rate("glared", s => Card(s, Glare), PhotoQuality.Glare, expected: true) >= 0.9);
    }

    [Fact]
    public void APortraitTakenSidewaysIsLandscape()
    {
        using var sideways = new SKBitmap(800, 600);
        using var upright = new SKBitmap(600, 800);
        Assert.Contains(PhotoQuality.Landscape, PhotoQuality.Findings(sideways));
        Assert.DoesNotContain(PhotoQuality.Landscape, PhotoQuality.Findings(upright));
    }
}
