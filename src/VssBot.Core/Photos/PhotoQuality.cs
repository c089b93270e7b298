using SkiaSharp;

namespace VssBot.Core.Photos;

/// <summary>
/// What is wrong with a photo, read from the pixels already decoded, on a grey copy at most
/// 512 pixels across: blur (variance of the Laplacian), too dark or too bright (mean
/// brightness), glare (a share of blown-out pixels), a landscape photo where a portrait is
/// asked for, and the framing (<see cref="PhotoFraming"/>): a card that fills too little of
/// the frame, a portrait upside down. Which findings a step hears is the step's business
/// (cards, portraits). Findings are hints to the person, never refusals. Thresholds were calibrated on
/// photos made in the tests (PhotoQualityTests prints the hit rates).
/// </summary>
public static class PhotoQuality
{
    public const string Blurry = "blurry";
    public const string Dark = "dark";
    public const string Bright = "bright";
    public const string Glare = "glare";
    public const string Landscape = "landscape";
    public const string Small = "small";
    public const string UpsideDown = "upside_down";

    public const double BlurVariance = 60;
    public const double DarkMean = 55;
    public const double BrightMean = 215;
    public const double GlareShare = 0.04;
    public const double SmallFill = 0.2;
    public const double UpsideDownMargin = 0.3;

    public sealed record Measures(double Sharpness, double Brightness, double Blown, double Fill, double TopHeavy);

    public static Measures Measure(SKBitmap bitmap)
    {
        var scale = Math.Min(1.0, 512.0 / Math.Max(bitmap.Width, bitmap.Height));
        using var small = bitmap.Resize(new SKImageInfo(Math.Max(3, (int)(bitmap.Width * scale)), Math.Max(3, (int)(bitmap.Height * scale)), SKColorType.Rgba8888, SKAlphaType.Premul),
            new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
        int w = small.Width, h = small.Height;
        var grey = new double[w * h];
        var pixels = small.Pixels;
        double sum = 0, blown = 0;
        for (var i = 0; i < grey.Length; i++)
        {
            var p = pixels[i];
            grey[i] = 0.299 * p.Red + 0.587 * p.Green + 0.114 * p.Blue;
            sum += grey[i];
            blown += grey[i] >= 250 ? 1 : 0;
        }

        // Variance of the 4-neighbour Laplacian: edges make it large, blur makes it small.
        double lsum = 0, lsq = 0;
        var count = 0;
        for (var y = 1; y < h - 1; y++)
        {
            for (var x = 1; x < w - 1; x++)
            {
                var i = y * w + x;
                var l = grey[i - 1] + grey[i + 1] + grey[i - w] + grey[i + w] - 4 * grey[i];
                lsum += l;
                lsq += l * l;
                count++;
            }
        }

        var mean = lsum / count;
        return new Measures(lsq / count - mean * mean, sum / grey.Length, blown / grey.Length, PhotoFraming.Fill(small), PhotoFraming.TopHeavy(small));
    }

    /// <summary>Everything that may be wrong with a photo.</summary>
    public static IReadOnlyList<string> Findings(SKBitmap bitmap)
    {
        var m = Measure(bitmap);
        var findings = new List<string>();
        if (m.Brightness < DarkMean)
        {
            findings.Add(Dark);
        }
        else if (m.Brightness > BrightMean)
        {
            findings.Add(Bright);
        }

        if (m.Blown > GlareShare && m.Brightness <= BrightMean)
        {
            findings.Add(Glare);
        }

        if (m.Sharpness < BlurVariance && m.Brightness >= DarkMean)
        {
            findings.Add(Blurry);
        }

        if (bitmap.Width > bitmap.Height * 1.15)
        {
            findings.Add(Landscape);
        }

        if (m.Fill < SmallFill)
        {
            findings.Add(Small);
        }

        if (m.TopHeavy > UpsideDownMargin && bitmap.Height >= bitmap.Width)
        {
            findings.Add(UpsideDown);
        }

        return findings;
    }
}
