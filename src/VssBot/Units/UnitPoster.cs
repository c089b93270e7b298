using SkiaSharp;
using VssBot.Core.Domain.Units;
using VssBot.Documents;
using ZXing;
using ZXing.QrCode;

namespace VssBot.Units;

/// <summary>
/// A unit's poster on A4, for notice boards and class groups: the title, the unit's name,
/// the QR code of its web link (ZXing.Net encodes it, SkiaSharp draws its modules), three lines of instructions, the
/// links as text. Drawn once with SkiaSharp onto a PDF page or a 150 dpi PNG.
/// </summary>
public sealed class UnitPoster(PosterWords words, UnitLinks links, string fontDirectory) : IDisposable
{
    private const float Width = 595, Height = 842, Margin = 56;
    private const float PngScale = 150f / 72;
    private readonly SKTypeface _regular = SKTypeface.FromFile(Path.Combine(fontDirectory, "NotoSans-Regular.ttf"));
    private readonly SKTypeface _bold = SKTypeface.FromFile(Path.Combine(fontDirectory, "NotoSans-Bold.ttf"));

    public static string FileName(Unit unit, string extension) => $"poster-{unit.Code.ToLowerInvariant()}.{extension}";

    public byte[] Pdf(Unit unit)
    {
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = words.Title, Creator = "VssBot", Producer = "VssBot" }))
        {
            Draw(document.BeginPage(Width, Height), unit);
            document.EndPage();
        }

        return stream.ToArray();
    }

    public byte[] Png(Unit unit)
    {
        using var surface = SKSurface.Create(new SKImageInfo((int)(Width * PngScale), (int)(Height * PngScale)));
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.Scale(PngScale);
        Draw(surface.Canvas, unit);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private void Draw(SKCanvas canvas, Unit unit)
    {
        using var ink = new SKPaint { Color = new SKColor(20, 30, 48), IsAntialias = true };
        using var blue = new SKPaint { Color = new SKColor(10, 90, 168), IsAntialias = true };
        using var title = new SKFont(_bold, 19);
        using var name = new SKFont(_bold, 18);
        using var body = new SKFont(_regular, 13);
        using var small = new SKFont(_regular, 10);
        var y = Margin + 10;
        foreach (var line in TextWrap.Lines(words.Title, title, Width - 2 * Margin))
        {
            canvas.DrawText(line, Width / 2, y, SKTextAlign.Center, title, blue);
            y += 30;
        }

        foreach (var line in TextWrap.Lines(words.Unit.Replace("{unit}", unit.Name), name, Width - 2 * Margin))
        {
            canvas.DrawText(line, Width / 2, y, SKTextAlign.Center, name, ink);
            y += 26;
        }

        var web = links.Web(unit);
        const float side = 300;
        DrawQr(canvas, web, new SKRect((Width - side) / 2, y + 10, (Width + side) / 2, y + 10 + side));
        y += side + 46;
        foreach (var step in words.Steps)
        {
            foreach (var line in TextWrap.Lines(step, body, Width - 2 * Margin))
            {
                canvas.DrawText(line, Margin, y, SKTextAlign.Left, body, ink);
                y += 20;
            }

            y += 6;
        }

        y += 14;
        canvas.DrawText(words.Web, Margin, y, SKTextAlign.Left, small, ink);
        canvas.DrawText(web, Margin, y + 15, SKTextAlign.Left, small, blue);
        if (links.Telegram(unit) is { } telegram)
        {
            canvas.DrawText(words.Telegram, Margin, y + 36, SKTextAlign.Left, small, ink);
            canvas.DrawText(telegram, Margin, y + 51, SKTextAlign.Left, small, blue);
        }
    }

    // The link as a QR code drawn as squares (vector in the PDF: sharp at any print size),
    // with a quiet zone of four modules, black on white.
    private static void DrawQr(SKCanvas canvas, string text, SKRect area)
    {
        var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
            new Dictionary<EncodeHintType, object> { [EncodeHintType.MARGIN] = 4, [EncodeHintType.ERROR_CORRECTION] = ZXing.QrCode.Internal.ErrorCorrectionLevel.M });
        var module = area.Width / matrix.Width;
        using var white = new SKPaint { Color = SKColors.White };
        using var black = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        canvas.DrawRect(area, white);
        for (var y = 0; y < matrix.Height; y++)
        {
            for (var x = 0; x < matrix.Width; x++)
            {
                if (matrix[x, y])
                {
                    // A hair wider than a module, so that neighbours leave no seam.
                    canvas.DrawRect(area.Left + x * module, area.Top + y * module, module + 0.3f, module + 0.3f, black);
                }
            }
        }
    }

    public void Dispose()
    {
        _regular.Dispose();
        _bold.Dispose();
    }
}
