using SkiaSharp;

namespace VssBot.Core.Tests.Photos;

/// <summary>Photos made for calibrating the photo checks: an ID card on a table (any size
/// in the frame, blurred, dark, glared) and a head-and-shoulders portrait, each varied by
/// a seed (frame size, shades, text size, position).</summary>
internal static class CalibrationPhotos
{
    /// <param name="size">The card's width as a share of the frame's.</param>
    public static SKBitmap Card(int seed, Action<SKCanvas, int, int>? spoil = null, float blur = 0, float light = 1, float size = 0.8f)
    {
        var random = new Random(seed);
        var (width, height) = (random.Next(900, 1400), random.Next(600, 1000));
        var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        var shade = (byte)random.Next(150, 200);
        canvas.Clear(new SKColor((byte)(shade * light), (byte)(shade * light * 0.9), (byte)(shade * light * 0.8)));

        // The card keeps its 85.6 × 54 mm shape; where it lies varies.
        var cardWidth = width * size;
        var cardHeight = Math.Min(height * 0.95f, cardWidth * 54 / 85.6f);
        var left = (float)(random.NextDouble() * (width - cardWidth));
        var top = (float)(random.NextDouble() * (height - cardHeight));
        using var card = new SKPaint { Color = new SKColor((byte)(235 * light), (byte)(238 * light), (byte)(245 * light)), IsAntialias = true };
        canvas.DrawRoundRect(new SKRect(left, top, left + cardWidth, top + cardHeight), cardWidth / 40, cardWidth / 40, card);
        using var ink = new SKPaint { Color = new SKColor((byte)(20 * light), (byte)(30 * light), (byte)(80 * light)), IsAntialias = true };
        using var font = new SKFont(SKTypeface.Default, cardWidth / random.Next(30, 42));
        for (var line = 0; line < 8; line++)
        {
            canvas.DrawText("SỐ 0311900012" + line + " NGUYỄN VĂN AN", left + cardWidth * 0.06f, top + cardHeight * (0.15f + line * 0.1f), font, ink);
        }

        spoil?.Invoke(canvas, width, height);
        return blur > 0 ? Blurred(bitmap, blur) : bitmap;
    }

    /// <summary>A card on a wood-like table: grain lines everywhere.</summary>
    public static void Grain(SKCanvas canvas, int width, int height)
    {
        using var line = new SKPaint { Color = new SKColor(90, 60, 30, 160), StrokeWidth = 3, IsAntialias = true };
        for (var y = 0; y < height; y += 9)
        {
            canvas.DrawLine(0, y, width, y + (y % 37) - 18, line);
        }
    }

    public static void Glare(SKCanvas canvas, int width, int height)
    {
        using var paint = new SKPaint { Color = SKColors.White, IsAntialias = true };
        canvas.DrawOval(new SKRect(width * 0.3f, height * 0.3f, width * 0.62f, height * 0.62f), paint);
    }

    /// <summary>A head and shoulders on a plain or graded wall, upright or turned over.</summary>
    public static SKBitmap Portrait(int seed, bool upsideDown = false)
    {
        var random = new Random(seed);
        var (width, height) = (random.Next(600, 900), random.Next(800, 1200));
        var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        var wall = (byte)random.Next(170, 250);
        using var wallPaint = new SKPaint
        {
            Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, height),
                [new SKColor(wall, wall, (byte)(wall - 10)), new SKColor((byte)(wall - 25), (byte)(wall - 25), (byte)(wall - 30))], SKShaderTileMode.Clamp),
        };
        canvas.DrawRect(0, 0, width, height, wallPaint);
        var cx = width * (0.45f + (float)random.NextDouble() * 0.1f);
        var head = width * (0.2f + (float)random.NextDouble() * 0.06f);
        var headTop = height * (0.1f + (float)random.NextDouble() * 0.1f);
        using var clothes = new SKPaint { Color = new SKColor((byte)random.Next(10, 80), (byte)random.Next(10, 80), (byte)random.Next(40, 120)), IsAntialias = true };
        using var skin = new SKPaint { Color = new SKColor(224, (byte)random.Next(170, 200), (byte)random.Next(140, 170)), IsAntialias = true };
        using var hair = new SKPaint { Color = new SKColor(25, 20, 20), IsAntialias = true };
        var shoulders = headTop + head * 2.6f;
        canvas.DrawRoundRect(new SKRect(width * 0.08f, shoulders, width * 0.92f, height * 1.2f), width * 0.2f, width * 0.2f, clothes);
        canvas.DrawRect(cx - head * 0.25f, headTop + head * 1.8f, cx + head * 0.25f, shoulders + 10, skin);
        canvas.DrawOval(new SKRect(cx - head * 0.52f, headTop - head * 0.05f, cx + head * 0.52f, headTop + head * 0.9f), hair);
        canvas.DrawOval(new SKRect(cx - head / 2, headTop + head * 0.15f, cx + head / 2, headTop + head * 2.1f), skin);
        if (!upsideDown)
        {
            return bitmap;
        }

        var turned = new SKBitmap(width, height);
        using var turnedCanvas = new SKCanvas(turned);
        turnedCanvas.RotateDegrees(180, width / 2f, height / 2f);
        turnedCanvas.DrawBitmap(bitmap, 0, 0);
        bitmap.Dispose();
        return turned;
    }

    private static SKBitmap Blurred(SKBitmap bitmap, float blur)
    {
        using var blurred = new SKBitmap(bitmap.Width, bitmap.Height);
        using var canvas = new SKCanvas(blurred);
        using var filter = new SKPaint { ImageFilter = SKImageFilter.CreateBlur(blur, blur) };
        canvas.DrawBitmap(bitmap, 0, 0, filter);
        bitmap.Dispose();
        return blurred.Copy();
    }
}
