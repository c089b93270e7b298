using SkiaSharp;

namespace VssBot.IntegrationTests.Support;

public static class TestImages
{
    public static byte[] Jpeg(int width = 640, int height = 480, SKColor? colour = null)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(colour ?? SKColors.SteelBlue);
            using var paint = new SKPaint { Color = SKColors.White };
            canvas.DrawCircle(width / 2f, height / 2f, height / 4f, paint);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    public static SKColor CornerColour(byte[] encoded)
    {
        using var bitmap = SKBitmap.Decode(encoded);
        return bitmap.GetPixel(bitmap.Width / 8, bitmap.Height / 8);
    }

    /// <summary>A PNG of random pixels: incompressible, so its size is about 4 bytes a pixel.</summary>
    public static byte[] NoisePng(int width, int height)
    {
        var random = new Random(7);
        using var bitmap = new SKBitmap(width, height);
        var pixels = new byte[width * height * 4];
        random.NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 255;
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
