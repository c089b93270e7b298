using SkiaSharp;

namespace VssBot.IntegrationTests.Support;

public static class TestImages
{
    /// <summary>A photo as a phone takes it: portrait, well lit, with sharp edges over the
    /// middle half (a card that fills enough of the frame).</summary>
    public static byte[] Jpeg(int width = 480, int height = 640, SKColor? colour = null)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(colour ?? SKColors.SteelBlue);
            // A light card over the middle of the frame, printed with lines.
            using var paint = new SKPaint { Color = new SKColor(225, 228, 232), IsAntialias = true };
            canvas.DrawRoundRect(new SKRect(width * 0.1f, height * 0.2f, width * 0.9f, height * 0.8f), width / 40f, width / 40f, paint);
            using var ink = new SKPaint { Color = new SKColor(20, 30, 60), StrokeWidth = Math.Max(2, height / 300f) };
            for (var y = height / 4f; y < height * 3 / 4f; y += Math.Max(6, height / 100f))
            {
                canvas.DrawLine(width * 0.15f, y, width * 0.85f, y, ink);
            }
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

    /// <summary>A real decompression bomb: a grey PNG of side × side black pixels, a few
    /// tens of kilobytes that decode to side² × 4 bytes.</summary>
    public static byte[] PngBomb(int side)
    {
        using var raw = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(raw, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[side + 1]; // filter byte 0, then grey 0
            for (var y = 0; y < side; y++)
            {
                zlib.Write(row);
            }
        }

        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, side);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), side);
        header[8] = 8; // bit depth; colour type 0 (grey), no interlace
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", raw.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var body = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(body);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, System.IO.Hashing.Crc32.HashToUInt32(body));
        png.Write(crc);
    }
}
