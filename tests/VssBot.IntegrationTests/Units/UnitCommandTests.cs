using System.Diagnostics;
using System.Text;
using Microsoft.Playwright;
using VssBot.Core.Domain.IdCard;
using VssBot.IntegrationTests.Support;
using UglyToad.PdfPig;
using static Microsoft.Playwright.Assertions;

namespace VssBot.IntegrationTests.Units;

/// <summary>The operator's commands and the coordinator's page, on the real process: `unit
/// add` prints the links, `unit poster` writes a PDF and a PNG whose QR code decodes (ZXing.Net)
/// to the web link, `staff add … --unit` makes the coordinator, who signs in in Debian's
/// chromium and lands on the unit's page with the parents who registered through the link.</summary>
[Collection(SeparateProcesses.Name)]
public sealed class UnitCommandTests
{
    [Fact]
    public async Task ASchoolMakesItsUnitPrintsThePosterAndItsCoordinatorFollowsTheParents()
    {
        using var data = new TempFolder("unit-cli");
        string[] settings = ["--Units:PublicUrl=https://vssbot.example.vn", "--Telegram:BotUsername=vssbot_test_bot"];
        var added = await RunAsync(data.Path, ["unit", "add", "THCS-CAU-GIAY", "--name", "Trường THCS Cầu Giấy", "--office", "hn-dong-da", "--target", "40", "--children-target", "60", "--deadline", "2027-07-31", .. settings]);
        var web = added.Split('\n').Single(l => l.StartsWith("web: ", StringComparison.Ordinal))[5..].Trim();
        Assert.StartsWith("https://vssbot.example.vn/?u=", web);
        var token = web[web.IndexOf("?u=", StringComparison.Ordinal)..][3..];
        Assert.Contains("telegram: https://t.me/vssbot_test_bot?start=" + token, added);
        await RunAsync(data.Path, ["unit", "add", "LOP-6A", "--name", "Lớp 6A", "--office", "hn-dong-da", "--parent", "THCS-CAU-GIAY", "--target", "35", .. settings]);
        Assert.Contains("LOP-6A\tLớp 6A\thn-dong-da\tTHCS-CAU-GIAY", await RunAsync(data.Path, ["unit", "list", "--office", "hn-dong-da", .. settings]));
        // A parent of another office, a bad date: refused, nothing saved.
        await RunAsync(data.Path, ["unit", "add", "SAI", "--name", "Sai", "--office", "hn-dong-da", "--deadline", "31/07/2027", .. settings], expectedExit: 2);

        // The poster: its QR code decodes to the web link, in the PNG and in the printed PDF.
        var png = Path.Combine(data.Path, "poster.png");
        var pdf = Path.Combine(data.Path, "poster.pdf");
        await RunAsync(data.Path, ["unit", "poster", "THCS-CAU-GIAY", "--out", png, .. settings]);
        await RunAsync(data.Path, ["unit", "poster", "THCS-CAU-GIAY", "--out", pdf, .. settings]);
        Assert.Equal(web, QrReader.Read(await File.ReadAllBytesAsync(png)));
        using (var document = PdfDocument.Open(pdf))
        {
            var text = string.Join(" ", document.GetPage(1).GetWords().Select(w => w.Text));
            Assert.Contains("Cầu Giấy", text);
            Assert.Contains("VssID", text);
        }

        using (var render = Process.Start(new ProcessStartInfo("pdftoppm", ["-png", "-r", "150", "-singlefile", pdf, Path.Combine(data.Path, "printed")]) { RedirectStandardError = true })!)
        {
            await render.WaitForExitAsync();
            Assert.Equal(0, render.ExitCode);
        }

        Assert.Equal(web, QrReader.Read(await File.ReadAllBytesAsync(Path.Combine(data.Path, "printed.png"))));

        // The coordinator, made on the command line.
        await SecurityHost.AddStaffAsync(data.Path, "hieu-pho", "hn-dong-da", "--unit", "THCS-CAU-GIAY");
        await using var server = await VssBotProcess.StartAsync(data.Path, settings);
        // Two parents register through the class's link (the school counts its classes), one without.
        var classToken = (await RunAsync(data.Path, ["unit", "list", .. settings])).Split('\n').Single(l => l.StartsWith("LOP-6A", StringComparison.Ordinal)).Split("?u=")[1].Trim();
        await new ChatClient(server.Http).RegisterAsync(unit: classToken);
        await new ChatClient(server.Http).RegisterAsync(unit: token);
        await new ChatClient(server.Http).RegisterAsync();
        // One more came without a link and named the class when asked: counted too.
        await new ChatClient(server.Http).RegisterAsync(unitName: "Lớp 6A");

        var (playwright, browser) = await Support.Browser.LaunchAsync();
        try
        {
            // A parent opens the chat page from the school's link and stops at the greeting: counted
            // as started, not finished. A broken link says so kindly and the chat still opens.
            var parent = await (await browser.NewContextAsync(Support.Browser.Phone)).NewPageAsync();
            await parent.GotoAsync($"http://127.0.0.1:{server.Port}/?u={token}");
            await Expect(parent.Locator(".msg.bot").First).ToContainTextAsync("Xin chào");
            var stranger = await (await browser.NewContextAsync(Support.Browser.Phone)).NewPageAsync();
            await stranger.GotoAsync($"http://127.0.0.1:{server.Port}/?u=het-han");
            await Expect(stranger.Locator("#notice")).ToContainTextAsync("không đúng hoặc đã hết hiệu lực");
            await Expect(stranger.Locator(".msg.bot").First).ToContainTextAsync("Xin chào");

            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
            await page.GotoAsync($"http://127.0.0.1:{server.Port}/staff");
            await page.GetByLabel("Tên đăng nhập").FillAsync("hieu-pho");
            await page.GetByLabel("Mật khẩu").FillAsync(SecurityHost.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Trường THCS Cầu Giấy" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Hàng chờ" })).ToHaveCountAsync(0);
            await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Tiến độ của Trường THCS Cầu Giấy" })).ToBeVisibleAsync();
            await Expect(page.Locator("table.figures").First).ToContainTextAsync("Hiện tại");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hồ sơ đã gửi (3)" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Chưa hoàn thành (1)" })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Lớp 6A" })).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the unit page is wider than 1366 pixels");

            // Form 01 of the first parent is ticked as received.
            await page.GetByRole(AriaRole.Button, new() { Name = "Đánh dấu đã nhận" }).First.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Đánh dấu đã nhận" })).ToHaveCountAsync(2);
            await Expect(page.Locator("table.figures").First).ToContainTextAsync("Hiện tại");

            // The poster downloads from the page.
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Tải áp phích (ảnh PNG)" }).ClickAsync());
            var saved = Path.Combine(data.Path, "downloaded.png");
            await download.SaveAsAsync(saved);
            Assert.Equal(web, QrReader.Read(await File.ReadAllBytesAsync(saved)));
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "unit-page.png"), FullPage = true });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    private static Task<string> RunAsync(string dataDirectory, string[] words, int expectedExit = 0) =>
        VssBotProcess.RunCommandAsync(dataDirectory, words, expectedExit);
}
