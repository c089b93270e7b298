using SkiaSharp;
using ZXing;
using ZXing.QrCode;

namespace VssBot.Core.Tests.Support;

/// <summary>Photos of a CCCD-like card made here: a light card on a dark table, with its QR
/// code (ZXing's writer) at a chosen size, the whole photo turned by an angle, as JPEG.</summary>
public static class CardImages
{
    public const string Text = "031190001234||Nguyễn Thị Bình|05031990|Nữ|Số 5 Lạch Tray, Phường Gia Viên, Hải Phòng|12052021";

    public static byte[] Card(string? qrText = Text, int qrSide = 200, float degrees = 0, int width = 1280, int height = 960)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height));
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(60, 50, 40));
        canvas.Translate(width / 2f, height / 2f);
        canvas.RotateDegrees(degrees);
        var card = new SKRect(-420, -265, 420, 265);
        using (var paint = new SKPaint { Color = new SKColor(235, 240, 250), IsAntialias = true })
        {
            canvas.DrawRoundRect(card, 24, 24, paint);
        }

        using (var ink = new SKPaint { Color = new SKColor(30, 40, 90), IsAntialias = true })
        {
            for (var line = 0; line < 6; line++)
            {
                canvas.DrawRect(new SKRect(-380, -120 + line * 45, 60, -104 + line * 45), ink);
            }
        }

        if (qrText is not null)
        {
            var writer = new BarcodeWriterPixelData
            {
                Format = BarcodeFormat.QR_CODE,
                Options = new QrCodeEncodingOptions { Width = qrSide, Height = qrSide, Margin = 2, CharacterSet = "UTF-8" },
            };
            var pixels = writer.Write(qrText);
            using var qr = new SKBitmap(new SKImageInfo(pixels.Width, pixels.Height, SKColorType.Bgra8888, SKAlphaType.Premul));
            System.Runtime.InteropServices.Marshal.Copy(pixels.Pixels, 0, qr.GetPixels(), pixels.Pixels.Length);
            canvas.DrawBitmap(qr, new SKRect(390 - qrSide, -235, 390, -235 + qrSide));
        }

        using var image = surface.Snapshot();
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 88);
        return jpeg.ToArray();
    }
}
