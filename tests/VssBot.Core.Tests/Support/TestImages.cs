using SkiaSharp;

namespace VssBot.Core.Tests.Support;

/// <summary>Real images made with SkiaSharp: a coloured rectangle with a red top-left corner
/// (so that orientation can be checked after re-encoding) and fine lines in the middle, as a
/// sharp, well-lit photo of a document has.</summary>
public static class TestImages
{
    public static byte[] Jpeg(int width = 300, int height = 400) => Encode(SKEncodedImageFormat.Jpeg, width, height);

    public static byte[] Png(int width = 400, int height = 300) => Encode(SKEncodedImageFormat.Png, width, height);

    public static byte[] Webp(int width = 400, int height = 300) => Encode(SKEncodedImageFormat.Webp, width, height);

    /// <summary>Thin dark and light lines over the middle half: edges a sharp photo has.</summary>
    public static void Lines(SKCanvas canvas, int width, int height)
    {
        using var ink = new SKPaint { Color = new SKColor(20, 30, 60), StrokeWidth = 2 };
        using var paper = new SKPaint { Color = new SKColor(235, 235, 225), StrokeWidth = 2 };
        for (var y = height / 3f; y < height * 2 / 3f; y += 6)
        {
            canvas.DrawLine(width / 3f, y, width * 2 / 3f, y, ink);
            canvas.DrawLine(width / 3f, y + 3, width * 2 / 3f, y + 3, paper);
        }
    }

    public static byte[] Encode(SKEncodedImageFormat format, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            using var red = new SKPaint { Color = SKColors.Red };
            canvas.DrawRect(0, 0, width / 4f, height / 4f, red);
            Lines(canvas, width, height);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A JPEG with an EXIF APP1 segment holding only the orientation tag, the
    /// way phone cameras mark a photo taken sideways.</summary>
    public static byte[] JpegWithOrientation(ushort orientation, int width = 400, int height = 300)
    {
        var jpeg = Jpeg(width, height);
        byte[] tiff =
        [
            (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, // big-endian TIFF header, IFD at 8
            0, 1,                                     // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1,             // tag 0x0112 Orientation, SHORT, count 1
            (byte)(orientation >> 8), (byte)orientation, 0, 0,
            0, 0, 0, 0,                               // no next IFD
        ];
        var exif = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = exif.Length + 2;
        var segment = new byte[] { 0xFF, 0xE1, (byte)(length >> 8), (byte)length }.Concat(exif);
        return jpeg[..2].Concat(segment).Concat(jpeg[2..]).ToArray();
    }

    /// <summary>A PNG whose header declares a huge image, followed by a sliver of data.</summary>
    public static byte[] PngHeaderOnly(int width, int height)
    {
        var png = Png(8, 8);
        // IHDR's width and height sit at bytes 16–23, big-endian, its CRC at 29–32.
        var bytes = png.ToArray();
        BitConverter.GetBytes(System.Net.IPAddress.HostToNetworkOrder(width)).CopyTo(bytes, 16);
        BitConverter.GetBytes(System.Net.IPAddress.HostToNetworkOrder(height)).CopyTo(bytes, 20);
        BitConverter.GetBytes(System.Net.IPAddress.HostToNetworkOrder((int)System.IO.Hashing.Crc32.HashToUInt32(bytes.AsSpan(12, 17)))).CopyTo(bytes, 29);
        return bytes;
    }

    public static SKColor PixelAt(byte[] encoded, float fx, float fy)
    {
        using var bitmap = SKBitmap.Decode(encoded);
        return bitmap.GetPixel((int)(bitmap.Width * fx), (int)(bitmap.Height * fy));
    }

    public static (int Width, int Height) SizeOf(byte[] encoded)
    {
        using var codec = SKCodec.Create(new MemoryStream(encoded));
        return (codec.Info.Width, codec.Info.Height);
    }
}
