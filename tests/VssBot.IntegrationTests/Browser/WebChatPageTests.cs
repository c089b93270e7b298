using Microsoft.Playwright;
using VssBot.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace VssBot.IntegrationTests.Browser;

[Collection(SeparateProcesses.Name)]
public sealed class WebChatPageTests
{
    [Fact]
    public async Task APersonRegistersOnAPhoneSizedPageAndFindsItAllAgainAfterARestart()
    {
        var data = Repo.TempDirectory("browser");
        var photo = Path.Combine(data.FullName, "chan-dung.jpg");
        await File.WriteAllBytesAsync(photo, TestImages.Jpeg());
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        try
        {
            var server = await VssBotProcess.StartAsync(Path.Combine(data.FullName, "db"));
            var context = await browser.NewContextAsync(Support.Browser.Phone);
            var page = await context.NewPageAsync();
            var lastBot = page.Locator(".msg.bot").Last;
            await page.GotoAsync($"http://127.0.0.1:{server.Port}/");

            await Expect(lastBot).ToContainTextAsync("Xin chào");
            await page.GetByRole(AriaRole.Button, new() { Name = "Đăng ký VssID cho bản thân" }).ClickAsync();
            await Expect(lastBot).ToContainTextAsync("Trước khi bắt đầu");
            await page.GetByRole(AriaRole.Button, new() { Name = "Tôi đồng ý" }).ClickAsync();
            await Expect(lastBot).ToContainTextAsync("Bước 1");

            async Task Type(string text, string expected)
            {
                await page.FillAsync("#text", text);
                await page.PressAsync("#text", "Enter");
                await Expect(lastBot).ToContainTextAsync(expected);
            }

            await Type("DN4010123456789", "Bước 2");
            await Type("nguyễn văn an", "Bước 3");
            await page.GetByRole(AriaRole.Button, new() { Name = "Căn cước công dân (CCCD)" }).ClickAsync();
            await Expect(lastBot).ToContainTextAsync("Bước 4");
            await Type("12345", "12 chữ số (bạn vừa nhập 5 số)");
            await Type("001090001234", "Bước 5");
            await Type("05/03/1990", "Bước 6");
            await page.GetByRole(AriaRole.Button, new() { Name = "Hà Nội", Exact = true }).ClickAsync();
            await Expect(lastBot).ToContainTextAsync("Bước 7");
            await Type("phuc", "Có phải ý bạn");
            await page.Locator("#choices button").First.ClickAsync();
            await Expect(lastBot).ToContainTextAsync("Bước 8");
            await Type("Số 12 Cầu Diễn", "Bước 9");
            await Type("0912 345 678", "Bước 10");
            await page.GetByRole(AriaRole.Button, new() { Name = "Bỏ qua" }).ClickAsync();
            await Expect(lastBot).ToContainTextAsync("Bước 11");
            await Expect(page.Locator(".photo.wanted")).ToBeVisibleAsync();
            foreach (var next in new[] { "Bước 12", "Bước 13", "Bước 14" })
            {
                await page.SetInputFilesAsync("#photo", photo);
                await Expect(lastBot).ToContainTextAsync(next);
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "BHXH cơ sở Đống Đa" }).ClickAsync();
            await Expect(lastBot).ToContainTextAsync("Bước 15");
            await Expect(lastBot).ToContainTextAsync("Họ và tên: Nguyễn Văn An");
            await page.GetByRole(AriaRole.Button, new() { Name = "Gửi hồ sơ" }).ClickAsync();
            var submitted = page.Locator(".msg.bot", new() { HasText = "Mã hồ sơ của bạn" }).Last;
            await Expect(submitted).ToContainTextAsync("Mã hồ sơ của bạn: VB-");
            var reference = System.Text.RegularExpressions.Regex.Match(await submitted.InnerTextAsync(), "VB-[0-9A-Z]{10}").Value;
            // Form 01 follows as a link that downloads the PDF.
            var link = page.GetByRole(AriaRole.Link, new() { Name = $"📄 to-khai-01-{reference}.pdf" });
            await Expect(link).ToBeVisibleAsync();
            var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
            Assert.Equal($"to-khai-01-{reference}.pdf", download.SuggestedFilename);
            await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "web-chat-phone.png"), FullPage = false });

            // The key is kept for this browser session only, until the person asks to be remembered.
            Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('vssbot.conversation')"));
            var key = await page.EvaluateAsync<string>("sessionStorage.getItem('vssbot.conversation')");
            Assert.Matches("^[A-Za-z0-9_-]{43}$", key);
            await page.GetByLabel("Ghi nhớ trên thiết bị này").CheckAsync();
            Assert.Equal(key, await page.EvaluateAsync<string?>("localStorage.getItem('vssbot.conversation')"));

            server.Kill();
            await server.DisposeAsync();
            await using var restarted = await VssBotProcess.StartAsync(Path.Combine(data.FullName, "db"));
            var again = await context.NewPageAsync();
            await again.GotoAsync($"http://127.0.0.1:{restarted.Port}/");
            // A new port is a new origin with its own storage: once the page has settled on a
            // conversation of its own, point it at the first one, as a returning visitor's page is.
            await Expect(again.Locator(".msg.bot").First).ToContainTextAsync("Xin chào");
            var id = await page.EvaluateAsync<string>("localStorage.getItem('vssbot.conversation')");
            await again.EvaluateAsync($"localStorage.setItem('vssbot.conversation', '{id}'); localStorage.setItem('vssbot.remember', '1'); sessionStorage.clear()");
            await again.ReloadAsync();
            await Expect(again.Locator(".msg.bot").Last).ToContainTextAsync(reference);
            await Expect(again.Locator(".msg.user").Nth(2)).ToContainTextAsync("DN4010123456789");

            // "Kết thúc" on a shared computer: the key is forgotten on this device, and the page says so.
            again.Dialog += (_, dialog) => dialog.AcceptAsync();
            await again.GetByRole(AriaRole.Button, new() { Name = "Kết thúc" }).ClickAsync();
            await Expect(again.Locator("#notice")).ToContainTextAsync("Đã kết thúc");
            await Expect(again.Locator(".msg")).ToHaveCountAsync(0);
            Assert.Null(await again.EvaluateAsync<string?>("localStorage.getItem('vssbot.conversation')"));
            Assert.Null(await again.EvaluateAsync<string?>("sessionStorage.getItem('vssbot.conversation')"));
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
            data.Delete(recursive: true);
        }
    }
}
