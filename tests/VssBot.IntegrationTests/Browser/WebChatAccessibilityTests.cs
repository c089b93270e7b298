using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using VssBot.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace VssBot.IntegrationTests.Browser;

/// <summary>
/// The web chat on a phone, checked by axe-core (WCAG 2 A and AA, and the best-practice rules
/// issue 25 names: a scrollable region the keyboard can reach, one h1, content inside
/// landmarks), with a conversation under way (messages, buttons) as a person sees it.
/// </summary>
[Collection(SeparateProcesses.Name)]
public sealed class WebChatAccessibilityTests
{
    [Fact]
    public async Task TheWebChatOnAPhonePassesAxe()
    {
        var data = Repo.TempDirectory("a11y");
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        try
        {
            await using var server = await VssBotProcess.StartAsync(Path.Combine(data.FullName, "db")); // stopped even when an assertion fails
            var context = await browser.NewContextAsync(Support.Browser.Phone);
            var page = await context.NewPageAsync();
            await page.GotoAsync($"http://127.0.0.1:{server.Port}/");
            await Expect(page.Locator(".msg.bot").Last).ToContainTextAsync("Xin chào");
            await page.GetByRole(AriaRole.Button, new() { Name = "Đăng ký VssID cho bản thân" }).ClickAsync();
            await Expect(page.Locator(".msg.bot").Last).ToContainTextAsync("Trước khi bắt đầu");

            var results = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
            });
            var violations = results.Violations.Select(v => $"{v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}").ToList();
            Assert.True(violations.Count == 0, "axe: " + string.Join("; ", violations));
            Assert.True(results.Passes.Length > 10, $"axe ran only {results.Passes.Length} passing rules"); // it really checked the page
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
            data.Delete(recursive: true);
        }
    }
}
