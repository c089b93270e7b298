using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Core.Staff;
using VssBot.IntegrationTests.Support;
using VssBot.Staff;
using VssBot.Storage;

namespace VssBot.IntegrationTests.Telegram;

public sealed partial class TelegramConsoleHandoffTests
{
    [Fact]
    public async Task APersonOnTelegramIsAnsweredFromTheStaffConsole()
    {
        await using var host = await TelegramHost.StartAsync();
        const long chat = 770001;
        foreach (var text in new[] { "/start", "1", "đồng ý", "0123456789", "Đỗ Thị Mai", "cccd", "031190001234", "05/03/1990", "Hải Phòng", "gặp nhân viên" })
        {
            await host.SayAsync(chat, text);
        }

        Assert.Contains("hàng chờ", (await host.SayAsync(chat, "có")).Text);
        var store = host.Factory.Services.GetRequiredService<LiteDbStore>();
        await TestStaff.AddAsync(host.Factory.Services, "huyen", "mat-khau-rat-dai-2026", ["hp-ngo-quyen"], displayName: "Huyền");
        var conversation = store.LinkedConversation($"telegram:{chat}")!;

        using var http = host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = Token().Match(await http.GetStringAsync("/staff/login")).Groups[1].Value;
        await http.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = "huyen", ["password"] = "mat-khau-rat-dai-2026", ["__RequestVerificationToken"] = token }));
        token = Token().Match(await http.GetStringAsync("/staff")).Groups[1].Value;
        var before = host.Api.To(chat).Count;
        var claim = await http.PostAsync($"/staff/conversations/{conversation}/claim", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, claim.StatusCode);
        Assert.Contains("Cán bộ Huyền đã tham gia", (await host.Api.WaitForMessageAsync(chat, before)).Text);

        before = host.Api.To(chat).Count;
        using var reply = new MultipartFormDataContent { { new StringContent("Chị chờ em kiểm tra mã số BHXH nhé"), "text" }, { new StringContent(token), "__RequestVerificationToken" } };
        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsync($"/staff/conversations/{conversation}/messages", reply)).StatusCode);
        Assert.Contains("👤 Huyền: Chị chờ em kiểm tra mã số BHXH nhé", (await host.Api.WaitForMessageAsync(chat, before)).Text);

        before = host.Api.To(chat).Count;
        var picture = new ByteArrayContent(TestImages.Jpeg());
        picture.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        using var withPhoto = new MultipartFormDataContent { { new StringContent("Mẫu ảnh CCCD đúng chiều"), "text" }, { picture, "photo", "mau.jpg" }, { new StringContent(token), "__RequestVerificationToken" } };
        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsync($"/staff/conversations/{conversation}/messages", withPhoto)).StatusCode);
        var sent = await host.Api.WaitForMessageAsync(chat, before);
        Assert.True(sent.Photo);
        Assert.Contains("Mẫu ảnh CCCD đúng chiều", sent.Text);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
