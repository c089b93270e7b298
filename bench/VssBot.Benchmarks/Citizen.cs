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
    public static byte[] PhotoJpeg { get; } = MakePhoto();

    private static byte[] MakePhoto()
    {
        using var bitmap = new SKBitmap(1280, 960);
        using (var canvas = new SKCanvas(bitmap))
        {
            var random = new Random(3);
            canvas.Clear(SKColors.Beige);
            using var paint = new SKPaint { IsAntialias = true };
            for (var i = 0; i < 400; i++)
            {
                paint.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                canvas.DrawCircle(random.Next(1280), random.Next(960), random.Next(4, 40), paint);
            }
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return data.ToArray();
    }
}
