using Microsoft.Playwright;
using VssBot.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace VssBot.IntegrationTests.Browser;

/// <summary>An office PC: a 1366×768 screen, and a staff member who works by keyboard
/// alone. Every page fits the width, every control is reached with Tab and shows where
/// the focus is, and a change is requested without touching the mouse.</summary>
[Collection(SeparateProcesses.Name)]
public sealed class StaffKeyboardPageTests
{
    private const string Fits = "() => document.documentElement.scrollWidth <= window.innerWidth";

    [Fact]
    public async Task AtOfficeScreenSizeAStaffMemberSignsInFindsADossierAndRequestsAChangeByKeyboard()
    {
        using var data = new TempFolder("staff-keyboard");
        await SecurityHost.AddStaffAsync(data.Path, "lan", "hn-dong-da");
        await using var server = await VssBotProcess.StartAsync(data.Path);
        var reference = await new ChatClient(server.Http).RegisterAsync("Đống Đa");

        var (playwright, browser) = await Support.Browser.LaunchAsync();
        try
        {
            var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1366, Height = 768 } });
            await page.GotoAsync($"http://127.0.0.1:{server.Port}/staff");

            await TabToAsync(page, "input[name=user]");
            await page.Keyboard.TypeAsync("lan");
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync(SecurityHost.Password);
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hàng chờ hỗ trợ" })).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<bool>(Fits), "the queue is wider than 1366 pixels");

            // On a page without a field that takes the focus, the first Tab reaches the skip link, which shows itself.
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("Bỏ qua, đến nội dung chính", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
            Assert.True(await page.Locator(".skip").IsVisibleAsync());

            await TabToAsync(page, "nav a[href='/staff/dossiers']");
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hồ sơ đã nhận" })).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<bool>(Fits), "the dossier list is wider than 1366 pixels");

            // Search by reference from the keyboard, then open the dossier.
            await TabToAsync(page, "input[name=q]");
            await page.Keyboard.TypeAsync(reference);
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator("tbody tr")).ToHaveCountAsync(1);
            await TabToAsync(page, $"a[href='/staff/dossiers/{reference}']");
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hồ sơ " + reference })).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<bool>(Fits), "the dossier page is wider than 1366 pixels");

            // Tick the front of the card, write a note, send: all by keyboard.
            await TabToAsync(page, "input[name=fields][value=id_front]");
            await page.Keyboard.PressAsync("Space");
            Assert.True(await page.Locator("input[name=fields][value=id_front]").IsCheckedAsync());
            await TabToAsync(page, "input[name=note]");
            await page.Keyboard.TypeAsync("Ảnh bị lóa.");
            await TabToAsync(page, "button[value=changes]");
            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator("main")).ToContainTextAsync("Chờ người dân bổ sung");
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "staff-1366.png") });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    // Presses Tab until the element is focused (at most 80 times), and checks the focus shows.
    private static async Task TabToAsync(IPage page, string selector)
    {
        for (var presses = 0; presses < 80; presses++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector))
            {
                var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
                Assert.True(outline != "none", $"no visible focus on {selector}");
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        Assert.Fail($"{selector} cannot be reached with Tab");
    }
}
