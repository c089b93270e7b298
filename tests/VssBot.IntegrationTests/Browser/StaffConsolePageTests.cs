using System.Text;
using Microsoft.Playwright;
using VssBot.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace VssBot.IntegrationTests.Browser;

[Collection(SeparateProcesses.Name)]
public sealed class StaffConsolePageTests
{
    [Fact]
    public async Task AStaffMemberMadeOnTheCommandLineLogsInAndApprovesADossierInTheBrowser()
    {
        using var data = new TempFolder("staff-browser");
        var output = new StringBuilder();
        using (var add = VssBotProcess.Start(["staff", "add", "huyen", "hp-ngo-quyen", $"--Storage:DataDirectory={data.Path}", $"--Storage:Password={VssBotProcess.TestKey}"],
                   line => { lock (output) { output.AppendLine(line); } }, input: "mat-khau-rat-dai-2026"))
        {
            await add.WaitForExitAsync();
            Assert.True(add.ExitCode == 0, output.ToString());
        }

        await using var server = await VssBotProcess.StartAsync(data.Path);
        var reference = await new ChatClient(server.Http).RegisterAsync("03102");

        var (playwright, browser) = await Support.Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync();
            await page.GotoAsync($"http://127.0.0.1:{server.Port}/staff");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Đăng nhập cán bộ" })).ToBeVisibleAsync();
            await page.GetByLabel("Tên đăng nhập").FillAsync("huyen");
            await page.GetByLabel("Mật khẩu").FillAsync("sai-roi");
            await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Sai tên đăng nhập hoặc mật khẩu");
            await page.GetByLabel("Tên đăng nhập").FillAsync("huyen");
            await page.GetByLabel("Mật khẩu").FillAsync("mat-khau-rat-dai-2026");
            await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hàng chờ hỗ trợ" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Hồ sơ", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hồ sơ đã nhận" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
            await Expect(page.Locator("table")).ToContainTextAsync("Nguyen Van An");
            await Expect(page.Locator(".photos img")).ToHaveCountAsync(3);
            // Loaded, not only in the page: wait for the browser to have decoded the first photo.
            await page.WaitForFunctionAsync("() => { const img = document.querySelector('.photos img'); return img && img.complete && img.naturalWidth > 0; }");
            Assert.True(await page.Locator(".photos img").First.EvaluateAsync<int>("img => img.naturalWidth") > 0);
            await page.GetByRole(AriaRole.Button, new() { Name = "Duyệt hồ sơ" }).ClickAsync();
            await Expect(page.Locator("main")).ToContainTextAsync("Trạng thái: Đã duyệt");
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "staff-dossier.png"), FullPage = true });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
