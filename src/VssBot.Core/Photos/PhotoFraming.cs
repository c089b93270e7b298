using SkiaSharp;

namespace VssBot.Core.Photos;

/// <summary>
/// How a photo is framed, on the small copy <see cref="PhotoQuality"/> already made:
/// <list type="bullet">
/// <item><b>Fill</b>: the share of the frame the card takes, taken as the box that holds
/// the middle 94% of the edge pixels (a card's border and printing make edges; a plain table
/// makes none). A textured background spreads edges everywhere, so it is never flagged.</item>
/// <item><b>TopHeavy</b>: for a portrait, how much more of the top band than of the bottom
/// band differs from the background (the colour at the middle of the left and right
/// edges). Shoulders fill the bottom of an upright portrait; upside down, they fill the top.</item>
/// </list>
/// </summary>
public static class PhotoFraming
{
    private const int EdgeStrength = 30;
    private const int BackgroundDistance = 60;

    public static double Fill(SKBitmap small)
    {
        int w = small.Width, h = small.Height;
        var pixels = small.Pixels;
        var xs = new List<int>();
        var ys = new List<int>();
        for (var y = 1; y < h - 1; y++)
        {
            for (var x = 1; x < w - 1; x++)
            {
                var i = y * w + x;
                var edge = Math.Abs(Grey(pixels[i + 1]) - Grey(pixels[i - 1])) + Math.Abs(Grey(pixels[i + w]) - Grey(pixels[i - w]));
                if (edge > EdgeStrength)
                {
                    xs.Add(x);
                    ys.Add(y);
                }
            }
        }

        // Too few edges to say anything (a blank or very blurred photo): no finding.
        if (xs.Count < w * h / 500)
        {
            return 1;
        }

        xs.Sort();
        ys.Sort();
        int Low(List<int> v) => v[(int)(v.Count * 0.03)];
        int High(List<int> v) => v[(int)(v.Count * 0.97)];
        return (double)(High(xs) - Low(xs)) * (High(ys) - Low(ys)) / ((double)w * h);
    }

    public static double TopHeavy(SKBitmap small)
    {
        int w = small.Width, h = small.Height;
        var pixels = small.Pixels;
        var side = new List<SKColor>();
        var band = Math.Max(1, w / 20);
        for (var y = (int)(h * 0.3); y < (int)(h * 0.7); y++)
        {
            for (var x = 0; x < band; x++)
            {
                side.Add(pixels[y * w + x]);
                side.Add(pixels[y * w + w - 1 - x]);
            }
        }

        var background = new SKColor(Median(side, c => c.Red), Median(side, c => c.Green), Median(side, c => c.Blue));
        double Occupied(int from, int to)
        {
            var count = 0;
            for (var y = from; y < to; y++)
            {
                for (var x = 0; x < w; x++)
                {
                    var p = pixels[y * w + x];
                    count += Math.Abs(p.Red - background.Red) + Math.Abs(p.Green - background.Green) + Math.Abs(p.Blue - background.Blue) > BackgroundDistance ? 1 : 0;
                }
            }

            return (double)count / ((to - from) * w);
        }

        var rows = Math.Max(1, h / 8);
        return Occupied(0, rows) - Occupied(h - rows, h);
    }

    private static int Grey(SKColor p) => (299 * p.Red + 587 * p.Green + 114 * p.Blue) / 1000;

    private static byte Median(List<SKColor> colours, Func<SKColor, byte> channel)
    {
        var values = colours.Select(channel).Order().ToList();
        return values.Count == 0 ? (byte)0 : values[values.Count / 2];
    }
}
