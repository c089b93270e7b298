using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using SkiaSharp;
using UglyToad.PdfPig;
using VssBot.IntegrationTests.Support;

namespace VssBot.IntegrationTests.Staff;

/// <summary>Form 01 as a PDF, read back with PdfPig (the name with its diacritics, the code,
/// the office) and rendered by pdftoppm (poppler-utils) to a page that is not blank.</summary>
[Collection(SeparateProcesses.Name)]
public sealed class Form01Tests : IDisposable
{
    private readonly OfficeHost _host = new("form01");

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task StaffDownloadAFilledForm01ThatPrints()
    {
        var chat = new ChatClient(_host.Factory.CreateClient());
        await chat.StartAsync();
        foreach (var answer in ChatClient.AnswersToPhotos.Select(a => a == "nguyen van an" ? "Nguyễn Thị Bình" : a))
        {
            await chat.SayAsync(answer);
        }

        for (var i = 0; i < 3; i++)
        {
            await chat.SendPhotoAsync(TestImages.Jpeg());
        }

        await chat.SayAsync("Đống Đa");
        var reference = Regex.Match(await chat.SayTextAsync("Gửi hồ sơ"), "VB-[0-9A-Z]{10}").Value;

        var http = await _host.StaffAsync();
        var response = await http.GetAsync($"/staff/dossiers/{reference}/form-01.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();

        using (var document = PdfDocument.Open(pdf))
        {
            var page = Assert.Single(document.GetPages());
            Assert.InRange(page.Width, 594, 596); // A4
            var text = string.Join(" ", page.GetWords().Select(w => w.Text));
            Assert.Contains("Nguyễn Thị Bình", text);
            Assert.Contains("0123456789", text);
            Assert.Contains("BHXH cơ sở Đống Đa", text);
            Assert.Contains("TỜ KHAI", text);
            Assert.Contains("0912345678", text);
            Assert.Contains(reference, text);
        }

        // Printed: pdftoppm draws the page, and there is ink on it.
        var file = Path.Combine(_host.DataDirectory, "form.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        using (var render = Process.Start(new ProcessStartInfo("pdftoppm", ["-png", "-r", "50", "-singlefile", file, Path.Combine(_host.DataDirectory, "form")]) { RedirectStandardError = true })!)
        {
            await render.WaitForExitAsync();
            Assert.Equal(0, render.ExitCode);
        }

        using var png = SKBitmap.Decode(Path.Combine(_host.DataDirectory, "form.png"));
        var dark = 0;
        for (var y = 0; y < png.Height; y++)
        {
            for (var x = 0; x < png.Width; x++)
            {
                dark += png.GetPixel(x, y).Red < 128 ? 1 : 0;
            }
        }

        Assert.True(dark > png.Width * png.Height / 200, $"{dark} dark pixels of {png.Width * png.Height}");
        File.Copy(Path.Combine(_host.DataDirectory, "form.png"), Path.Combine(AppContext.BaseDirectory, "form-01.png"), overwrite: true);

        // Another office's staff get nothing; nor does anyone signed out.
        await _host.AddStaffAsync("hoa", "hp-ngo-quyen");
        using var other = await _host.StaffAsync("hoa");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/staff/dossiers/{reference}/form-01.pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await _host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync($"/staff/dossiers/{reference}/form-01.pdf")).StatusCode);
    }

    [Fact]
    public async Task TheCitizenGetsTheFormInTheChatAndAgainOnRequestUntilTheirDataIsErased()
    {
        var chat = new ChatClient(_host.Factory.CreateClient());
        await chat.StartAsync();
        foreach (var answer in ChatClient.AnswersToPhotos)
        {
            await chat.SayAsync(answer);
        }

        for (var i = 0; i < 3; i++)
        {
            await chat.SendPhotoAsync(TestImages.Jpeg());
        }

        await chat.SayAsync("Đống Đa");
        var submitted = await chat.SayAsync("Gửi hồ sơ");
        var file = submitted.GetProperty("replies").EnumerateArray().Last().GetProperty("file");
        var url = file.GetProperty("url").GetString()!;
        Assert.EndsWith(".pdf", file.GetProperty("name").GetString());
        Assert.Equal("application/pdf", file.GetProperty("type").GetString());
        var pdf = await chat.Http.GetByteArrayAsync(url);
        using (var document = PdfDocument.Open(pdf))
        {
            Assert.Contains("Nguyen Van An", string.Join(" ", document.GetPages().Single().GetWords().Select(w => w.Text)));
        }

        // The transcript carries the file too, as the page shows it after a reload.
        Assert.Contains((await chat.MessagesAsync()), m => m.TryGetProperty("file", out var f) && f.ValueKind == System.Text.Json.JsonValueKind.Object && f.GetProperty("url").GetString() == url);

        // "gửi lại tờ khai" at any time.
        var again = await chat.SayAsync("gửi lại tờ khai");
        Assert.Contains(again.GetProperty("replies").EnumerateArray(), r => r.TryGetProperty("file", out var f) && f.ValueKind == System.Text.Json.JsonValueKind.Object);

        // Erased: the file is gone with the dossier.
        await chat.SayAsync("xóa dữ liệu của tôi");
        await chat.SayAsync("có");
        Assert.Equal(HttpStatusCode.NotFound, (await chat.Http.GetAsync(url)).StatusCode);
    }

}
