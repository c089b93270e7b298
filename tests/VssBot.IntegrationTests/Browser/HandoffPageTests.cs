using System.Text;
using Microsoft.Playwright;
using VssBot.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace VssBot.IntegrationTests.Browser;

[Collection(SeparateProcesses.Name)]
public sealed class HandoffPageTests
{
    [Fact]
    public async Task ACitizenAsksForAPersonAStaffMemberAnswersLiveAndHandsBackToTheBot()
    {
        using var data = new TempFolder("handoff-browser");
        var output = new StringBuilder();
        using (var add = VssBotProcess.Start(["staff", "add", "huyen", "hn-chuong-my,hn-dong-da", $"--Storage:DataDirectory={data.Path}", $"--Storage:Password={VssBotProcess.TestKey}"],
                   line => { lock (output) { output.AppendLine(line); } }, input: "mat-khau-rat-dai-2026"))
        {
            await add.WaitForExitAsync();
            Assert.True(add.ExitCode == 0, output.ToString());
        }

        await using var server = await VssBotProcess.StartAsync(data.Path);
        var site = $"http://127.0.0.1:{server.Port}";
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        try
        {
            // The staff member is logged in and looking at the queue before anyone asks.
            var staff = await (await browser.NewContextAsync()).NewPageAsync();
            await staff.GotoAsync($"{site}/staff");
            await staff.GetByLabel("Tên đăng nhập").FillAsync("huyen");
            await staff.GetByLabel("Mật khẩu").FillAsync("mat-khau-rat-dai-2026");
            await staff.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
            await Expect(staff.Locator("#queue")).ToContainTextAsync("Không có ai đang chờ");

            var citizen = await (await browser.NewContextAsync(Support.Browser.Phone)).NewPageAsync();
            var lastBot = citizen.Locator(".msg.bot").Last;
            await citizen.GotoAsync(site);
            await citizen.GetByRole(AriaRole.Button, new() { Name = "Đăng ký VssID cho bản thân" }).ClickAsync();
            await citizen.GetByRole(AriaRole.Button, new() { Name = "Tôi đồng ý" }).ClickAsync();
            async Task Type(string text, string expected)
            {
                await citizen.FillAsync("#text", text);
                await citizen.PressAsync("#text", "Enter");
                await Expect(lastBot).ToContainTextAsync(expected);
            }

            await Type("0123456789", "Bước 2");
            await Type("Lê Thị Hồng", "Bước 3");
            await Type("cccd", "Bước 4");
            await Type("001190001234", "Bước 5");
            await Type("05/03/1990", "Bước 6");
            await Type("Hà Nội", "Bước 7");
            await Type("gặp nhân viên", "trò chuyện trực tiếp");
            await citizen.GetByRole(AriaRole.Button, new() { Name = "Có", Exact = true }).ClickAsync();
            await Expect(lastBot).ToContainTextAsync("hàng chờ");

            // The queue shows the request without a reload.
            await Expect(staff.Locator("#queue")).ToContainTextAsync("Lê Thị Hồng", new() { Timeout = 10_000 });
            await staff.GetByRole(AriaRole.Button, new() { Name = "Nhận" }).ClickAsync();
            await Expect(staff.Locator("#transcript")).ToContainTextAsync("gặp nhân viên");
            await Expect(staff.Locator("main")).ToContainTextAsync("001190001234"); // the answers so far
            await Expect(citizen.Locator(".msg.bot").Last).ToContainTextAsync("đã tham gia", new() { Timeout = 10_000 });

            await staff.Locator("#reply textarea").FillAsync("Chào chị Hồng, chị gõ tên phường nơi chị ở nhé, ví dụ Ba Đình.");
            await staff.GetByRole(AriaRole.Button, new() { Name = "Gửi", Exact = true }).ClickAsync();
            await Expect(citizen.Locator(".msg.staff").Last).ToContainTextAsync("chị gõ tên phường", new() { Timeout = 10_000 });
            await Expect(staff.Locator("#transcript")).ToContainTextAsync("chị gõ tên phường");

            await citizen.FillAsync("#text", "Dạ em hiểu rồi");
            await citizen.PressAsync("#text", "Enter");
            await Expect(staff.Locator("#transcript")).ToContainTextAsync("Dạ em hiểu rồi", new() { Timeout = 10_000 });

            await staff.GetByRole(AriaRole.Button, new() { Name = "Trả lại trợ lý tự động" }).ClickAsync();
            await Expect(lastBot).ToContainTextAsync("Bước 7", new() { Timeout = 10_000 });
            await Expect(citizen.Locator(".msg.bot").Nth(-2)).ToContainTextAsync("trò chuyện lại với trợ lý tự động");
            await Type("ba dinh", "Bước 8");
            await staff.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "staff-handoff.png"), FullPage = true });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
