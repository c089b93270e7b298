using SkiaSharp;

namespace VssBot.Benchmarks;

/// <summary>What a simulated citizen says to complete the whole adult registration.</summary>
internal static class Citizen
{
    public const string Photo = "[photo]";

    public static readonly string[] Script =
    [
        "1", "đồng ý", "DN4010123456789", "nguyen van an", "cccd", "001090001234", "05/03/1990", "ha noi", "ba dinh",
        "so 12 cau dien", "0912 345 678", "bỏ qua", Photo, Photo, Photo, "Đống Đa", "Gửi hồ sơ",
    ];

    /// <summary>A phone photo as stored: 1280×960 JPEG with some detail (about 100 KB).</summary>
    public static byte[] PhotoJpeg { get; } = MakePhoto(1280, 960, 400);

    /// <summary>A small photo (about 2 KB), for the workload comparable with other frameworks.</summary>
    public static byte[] SmallPhotoJpeg { get; } = MakePhoto(160, 120, 12);

    private static byte[] MakePhoto(int width, int height, int circles)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            var random = new Random(3);
            canvas.Clear(SKColors.Beige);
            using var paint = new SKPaint { IsAntialias = true };
            for (var i = 0; i < circles; i++)
            {
                paint.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                canvas.DrawCircle(random.Next(width), random.Next(height), random.Next(4, 40) * width / 1280 + 2, paint);
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
