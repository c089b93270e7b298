using SkiaSharp;
using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Domain.Offices;

namespace VssBot.Documents;

/// <summary>
/// Form 01 (mẫu 01/ĐK-GD) filled from a dossier, as an A4 PDF drawn with SkiaSharp's PDF
/// back end, in Noto Sans (OFL, Fonts/), embedded so that every Vietnamese letter prints.
/// A child's form carries the guardian's details and the guardian signs.
/// </summary>
public sealed class Form01(Form01Words words, OfficeDirectory offices, string fontDirectory) : IDisposable
{
    private const float Width = 595, Height = 842, Margin = 56;
    private readonly SKTypeface _regular = SKTypeface.FromFile(Path.Combine(fontDirectory, "NotoSans-Regular.ttf"));
    private readonly SKTypeface _bold = SKTypeface.FromFile(Path.Combine(fontDirectory, "NotoSans-Bold.ttf"));

    public const string ContentType = "application/pdf";

    public static string FileName(Dossier dossier) => $"to-khai-01-{dossier.Id}.pdf";

    public static string FileName(string fileRef) => $"to-khai-01-{fileRef[(fileRef.IndexOf(':') + 1)..]}.pdf";

    /// <summary>The dossier a file reference ("form01:{reference}") names, when it belongs
    /// to <paramref name="conversationId"/> and still exists.</summary>
    public static Dossier? Open(string fileRef, string conversationId, Core.Conversations.IConversationStore store) =>
        fileRef.StartsWith("form01:", StringComparison.Ordinal) && store.FindDossier(fileRef["form01:".Length..]) is { } dossier && dossier.ConversationId == conversationId
            ? dossier
            : null;

    public byte[] Draw(Dossier dossier)
    {
        var child = dossier.DialogId == "child-enrollment";
        var office = dossier.OfficeId is { } id ? offices.Find(id)?.Name ?? id : "……………………………………";
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = words.Title + " " + words.Subtitle, Creator = "VssBot", Producer = "VssBot" }))
        {
            var canvas = document.BeginPage(Width, Height);
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var small = new SKFont(_regular, 9);
            using var body = new SKFont(_regular, 11.5f);
            using var bold = new SKFont(_bold, 12);
            using var title = new SKFont(_bold, 16);
            var y = Margin;
            canvas.DrawText(words.Form, Width - Margin, y, SKTextAlign.Right, small, ink);
            y += 24;
            canvas.DrawText(words.Country, Width / 2, y, SKTextAlign.Center, bold, ink);
            y += 17;
            canvas.DrawText(words.Motto, Width / 2, y, SKTextAlign.Center, bold, ink);
            y += 40;
            canvas.DrawText(words.Title, Width / 2, y, SKTextAlign.Center, title, ink);
            y += 20;
            foreach (var line in TextWrap.Lines(words.Subtitle, bold, Width - 2 * Margin))
            {
                canvas.DrawText(line, Width / 2, y, SKTextAlign.Center, bold, ink);
                y += 17;
            }

            y += 14;
            canvas.DrawText(words.To.Replace("{office}", office), Margin, y, SKTextAlign.Left, body, ink);
            y += 28;
            foreach (var field in words.Fields)
            {
                var source = child ? field.Child : field.Adult;
                if (source is null)
                {
                    continue;
                }

                var value = Value(dossier, source);
                var text = $"{field.Label}: {(string.IsNullOrEmpty(value) ? "……………………………………………" : value)}";
                foreach (var line in TextWrap.Lines(text, body, Width - 2 * Margin))
                {
                    canvas.DrawText(line, Margin, y, SKTextAlign.Left, body, ink);
                    y += 19;
                }

                y += 4;
            }

            y += 12;
            foreach (var line in TextWrap.Lines(words.Declaration, body, Width - 2 * Margin))
            {
                canvas.DrawText(line, Margin, y, SKTextAlign.Left, body, ink);
                y += 18;
            }

            y += 30;
            var right = Width - Margin - 110;
            canvas.DrawText(words.PlaceDate, right, y, SKTextAlign.Center, body, ink);
            y += 22;
            canvas.DrawText(child ? words.SignerChild : words.Signer, right, y, SKTextAlign.Center, bold, ink);
            y += 16;
            canvas.DrawText(words.SignHint, right, y, SKTextAlign.Center, small, ink);
            canvas.DrawText(words.Reference.Replace("{reference}", dossier.Id), Margin, Height - Margin / 2, SKTextAlign.Left, small, ink);
            document.EndPage();
            document.Close();
        }

        return stream.ToArray();
    }

    /// <summary>What fills a field: a step's answer as shown, or an address or guardian made of several.</summary>
    private static string Value(Dossier d, string source)
    {
        string Shown(string step) => d.Fields.FirstOrDefault(f => f.StepId == step)?.Display ?? d.Values.GetValueOrDefault(step) ?? "";
        return source switch
        {
            "address" => Join(Shown("street"), Shown("ward"), Shown("province")),
            "c_address" => Join(Shown("c_street"), Shown("c_ward"), Shown("c_province")),
            "guardian_name" => d.Values.GetValueOrDefault("c_guardian_name") ?? d.Values.GetValueOrDefault("full_name") ?? "",
            "guardian_phone" => Phone(d.Values.GetValueOrDefault("c_guardian_phone") ?? d.Values.GetValueOrDefault("phone")),
            "phone" => Phone(d.Values.GetValueOrDefault("phone")),
            _ => Shown(source),
        };
    }

    private static string Join(params string[] parts) => string.Join(", ", parts.Where(p => p.Length > 0));

    // Stored as +84…; printed as people write it.
    private static string Phone(string? e164) => e164 is { } p && p.StartsWith("+84", StringComparison.Ordinal) ? "0" + p[3..] : e164 ?? "";


    public void Dispose()
    {
        _regular.Dispose();
        _bold.Dispose();
    }
}
