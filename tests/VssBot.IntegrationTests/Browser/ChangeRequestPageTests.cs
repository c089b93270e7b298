using Microsoft.Playwright;
using VssBot.IntegrationTests.Support;
using static Microsoft.Playwright.Assertions;

namespace VssBot.IntegrationTests.Browser;

/// <summary>In Debian's chromium: staff ask for a new ID-front photo; the citizen in the web
/// chat is asked for only that photo, sends it and resubmits; staff approve, and the citizen
/// sees the approval.</summary>
[Collection(SeparateProcesses.Name)]
public sealed class ChangeRequestPageTests
{
    [Fact]
    public async Task StaffAskForOnePhotoTheCitizenSendsItAndSeesTheApproval()
    {
        using var data = new TempFolder("change-browser");
        await SecurityHost.AddStaffAsync(data.Path, "lan", "hn-dong-da");
        await using var server = await VssBotProcess.StartAsync(data.Path);
        var site = $"http://127.0.0.1:{server.Port}";
        var photo = Path.Combine(data.Path, "cccd-truoc.jpg");
        await File.WriteAllBytesAsync(photo, TestImages.Jpeg());
        var (playwright, browser) = await Support.Browser.LaunchAsync();
        try
        {
            // The citizen registers in the web chat (the API's steps up to the photos, then the page).
            var citizen = await (await browser.NewContextAsync(Support.Browser.Phone)).NewPageAsync();
            await citizen.GotoAsync(site);
            await Expect(citizen.Locator(".msg.bot").First).ToContainTextAsync("Xin chào");
            var lastBot = citizen.Locator(".msg.bot").Last;
            async Task Say(string text)
            {
                var before = await citizen.Locator(".msg").CountAsync();
                await citizen.FillAsync("#text", text);
                await citizen.PressAsync("#text", "Enter");
                await Expect(citizen.Locator(".msg")).Not.ToHaveCountAsync(before);
                await Expect(citizen.Locator(".msg.user").Last).ToContainTextAsync(text);
            }

            async Task Send(string expected)
            {
                await citizen.SetInputFilesAsync("#photo", photo);
                await Expect(lastBot).ToContainTextAsync(expected);
            }

            foreach (var answer in ChatClient.AnswersToPhotos)
            {
                await Say(answer);
            }

            await Expect(lastBot).ToContainTextAsync("chân dung");
            await Send("mặt trước");
            await Send("mặt sau");
            await Send("cơ quan BHXH");
            await Say("Đống Đa");
            await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi hồ sơ" }).ClickAsync();
            var submitted = citizen.Locator(".msg.bot", new() { HasText = "Mã hồ sơ của bạn" }).Last;
            await Expect(submitted).ToContainTextAsync("VB-");
            var reference = System.Text.RegularExpressions.Regex.Match(await submitted.InnerTextAsync(), "VB-[0-9A-Z]{10}").Value;

            // Staff ask for the front of the card again.
            var staff = await (await browser.NewContextAsync()).NewPageAsync();
            await staff.GotoAsync($"{site}/staff/dossiers/{reference}");
            await staff.GetByLabel("Tên đăng nhập").FillAsync("lan");
            await staff.GetByLabel("Mật khẩu").FillAsync(SecurityHost.Password);
            await staff.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
            await staff.GotoAsync($"{site}/staff/dossiers/{reference}");
            await staff.GetByLabel("Ảnh mặt trước giấy tờ").CheckAsync();
            await staff.Locator("input[name=note]").First.FillAsync("Ảnh bị lóa.");
            await staff.GetByRole(AriaRole.Button, new() { Name = "Yêu cầu bổ sung" }).ClickAsync();
            await Expect(staff.Locator("main")).ToContainTextAsync("Chờ người dân bổ sung");

            // The citizen is asked for only that photo, sends it, resubmits.
            await Expect(citizen.Locator(".msg.bot", new() { HasText = "đề nghị bạn bổ sung" })).ToHaveCountAsync(1, new() { Timeout = 10_000 });
            await Expect(lastBot).ToContainTextAsync("mặt trước");
            await Send("kiểm tra lại thông tin");
            await citizen.GetByRole(AriaRole.Button, new() { Name = "Gửi hồ sơ" }).Last.ClickAsync();
            await Expect(citizen.Locator(".msg.bot", new() { HasText = "Mã hồ sơ của bạn" })).ToHaveCountAsync(2); // resubmitted

            // Staff approve the second version; the citizen sees it.
            await staff.ReloadAsync();
            await Expect(staff.Locator("main")).ToContainTextAsync("Lần gửi thứ 2");
            await staff.GetByRole(AriaRole.Button, new() { Name = "Duyệt hồ sơ" }).ClickAsync();
            await Expect(citizen.Locator(".msg.bot").Last).ToContainTextAsync($"Hồ sơ {reference} đã được duyệt", new() { Timeout = 10_000 });
            await citizen.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "approved-phone.png") });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
