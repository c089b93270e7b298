using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using VssBot.Core.Domain.Units;
using VssBot.Core.Staff;
using VssBot.IntegrationTests.Support;
using VssBot.Storage;

namespace VssBot.IntegrationTests.Units;

/// <summary>A school's campaign end to end: office staff make the unit in the console, two
/// citizens register through its links (web and Telegram through the local Bot API server),
/// a third without a link, a fourth stops halfway. The coordinator's page counts 2 of the
/// target, the list holds exactly those two and the one who stopped; another unit's
/// coordinator gets 404; a reminder reaches the Telegram citizen, who says "dừng nhắc".</summary>
public sealed class UnitCampaignTests
{
    [Fact]
    public async Task ASchoolsCampaignCountsItsPeopleAndOnlyThem()
    {
        await using var host = await TelegramHost.StartAsync(new() { ["Telegram:BotUsername"] = "vssbot_test_bot", ["Units:PublicUrl"] = "https://vssbot.example.vn" });
        var services = host.Factory.Services;
        var store = services.GetRequiredService<LiteDbStore>();
        await TestStaff.AddAsync(services, "lan", OfficeHost.Password, ["hn-dong-da"]);

        // Office staff make the school and another unit in the console.
        using var lan = await UnitCampaignTestsSupport.SignInAsync(host, "lan");
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(30);
        await UnitCampaignTestsSupport.PostAsync(lan, "/staff/units", ("code", "thcs-cau-giay"), ("name", "Trường THCS Cầu Giấy"), ("office", "hn-dong-da"), ("target", "10"), ("deadline", deadline.ToString("yyyy-MM-dd")));
        await UnitCampaignTestsSupport.PostAsync(lan, "/staff/units", ("code", "CONG-TY-AN-PHAT"), ("name", "Công ty An Phát"), ("office", "hn-dong-da"), ("target", "5"));
        var school = store.FindUnit("THCS-CAU-GIAY")!;
        Assert.Equal(10, school.Target);
        Assert.Equal(deadline, school.Deadline);

        // Someone of another office cannot make units for this one.
        await TestStaff.AddAsync(services, "hp", OfficeHost.Password, ["hp-ngo-quyen"]);
        using var hp = await UnitCampaignTestsSupport.SignInAsync(host, "hp");
        Assert.Equal(HttpStatusCode.NotFound, (await UnitCampaignTestsSupport.PostAsync(hp, "/staff/units", ("code", "X"), ("name", "X"), ("office", "hn-dong-da"))).StatusCode);

        // One citizen through the web link, one through the Telegram deep link, one with no link.
        var web = await new ChatClient(host.Factory.CreateClient()).RegisterAsync(unit: school.Token);
        await RegisterOnTelegramAsync(host, 720001, "/start " + school.Token);
        await new ChatClient(host.Factory.CreateClient()).RegisterAsync();
        // A fourth, through the Telegram link, stops halfway.
        await host.SayAsync(720002, "/start " + school.Token);
        await host.SayAsync(720002, "1");
        await host.SayAsync(720002, "đồng ý");

        // An unknown token is refused, kindly; a body-less request works as before.
        var unknown = await host.Factory.CreateClient().PostAsJsonAsync("/api/chat/conversations", new { unit = "khong-co-that" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("unknown_unit", (await unknown.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("error").GetString());

        // The school's coordinator sees 2 of 10, the days left, and the one who stopped.
        await UnitCampaignTestsSupport.AddCoordinatorAsync(services, "co-hieu-pho", "hn-dong-da", "THCS-CAU-GIAY");
        using var coordinator = await UnitCampaignTestsSupport.SignInAsync(host, "co-hieu-pho");
        var home = await coordinator.GetAsync("/staff");
        Assert.Equal("/staff/units/THCS-CAU-GIAY", home.Headers.Location?.OriginalString);
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync("/staff/units/THCS-CAU-GIAY"));
        Assert.Contains(">2/10<", page); // submitted, on the chart
        Assert.Contains("còn 30 ngày", page);
        Assert.Contains("Chưa hoàn thành (1)", page);
        Assert.Contains(web, page);
        Assert.Contains("https://vssbot.example.vn/?u=" + school.Token, page);
        Assert.Contains("https://t.me/vssbot_test_bot?start=" + school.Token, page);

        // The list: exactly the two who came through the school's links, then the one who stopped.
        var rows = new MemoryStream(await coordinator.GetByteArrayAsync("/staff/units/THCS-CAU-GIAY/list.xlsx")).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count(r => (string)r["Trạng thái"] == "Chờ duyệt"));
        Assert.Equal(3, rows.Count);
        Assert.Equal("Chưa hoàn thành", (string)rows[2]["Trạng thái"]);
        Assert.StartsWith("Đang ở bước", (string)rows[2]["Ghi chú"]);

        // The coordinator sees neither the public's conversations nor other dossiers.
        Assert.DoesNotContain("VB-", await coordinator.GetStringAsync("/staff/dossiers"));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/staff/units/CONG-TY-AN-PHAT")).StatusCode);

        // Another unit's coordinator gets 404 for every part of this unit.
        await UnitCampaignTestsSupport.AddCoordinatorAsync(services, "hr-an-phat", "hn-dong-da", "CONG-TY-AN-PHAT");
        using var other = await UnitCampaignTestsSupport.SignInAsync(host, "hr-an-phat");
        foreach (var path in new[] { "", "/list.xlsx", "/list.csv", "/poster.pdf", "/poster.png" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/staff/units/THCS-CAU-GIAY" + path)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await UnitCampaignTestsSupport.PostAsync(other, "/staff/units/THCS-CAU-GIAY/remind", ("confirm", "yes"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UnitCampaignTestsSupport.PostAsync(other, "/staff/units/THCS-CAU-GIAY/form01", ("dossier", web))).StatusCode);
        Assert.DoesNotContain("Cầu Giấy", WebUtility.HtmlDecode(await other.GetStringAsync("/staff/units")));

        // Form 01 ticked by the coordinator counts.
        Assert.Equal(HttpStatusCode.Redirect, (await UnitCampaignTestsSupport.PostAsync(coordinator, "/staff/units/THCS-CAU-GIAY/form01", ("dossier", web))).StatusCode);
        Assert.NotNull(store.FindDossier(web)!.Form01ReceivedAt);

        // A reminder reaches the Telegram citizen who stopped halfway; "dừng nhắc" stops them.
        var before = host.Api.To(720002).Count;
        var remind = await UnitCampaignTestsSupport.PostAsync(coordinator, "/staff/units/THCS-CAU-GIAY/remind", ("confirm", "yes"));
        Assert.Equal("/staff/units/THCS-CAU-GIAY?reminded=1", remind.Headers.Location?.OriginalString);
        Assert.Contains("Trường THCS Cầu Giấy nhắc bạn", (await host.Api.WaitForMessageAsync(720002, before)).Text);
        Assert.Contains("không nhắc bạn nữa", (await host.SayAsync(720002, "dừng nhắc")).Text);
        var stopped = store.FindConversation(store.LinkedConversation("telegram:720002")!)!;
        Assert.True(stopped.NoReminders);
        Assert.Contains(store.AuditLog(), a => a.Action == "remind" && a.Staff == "co-hieu-pho" && a.Subject == stopped.Id);
        remind = await UnitCampaignTestsSupport.PostAsync(coordinator, "/staff/units/THCS-CAU-GIAY/remind", ("confirm", "yes"));
        Assert.Equal("/staff/units/THCS-CAU-GIAY?reminded=0", remind.Headers.Location?.OriginalString);
    }

    /// <summary>A whole adult registration on Telegram, opened with <paramref name="start"/>.</summary>
    private static async Task RegisterOnTelegramAsync(TelegramHost host, long chat, string start)
    {
        await host.SayAsync(chat, start);
        foreach (var answer in new[] { "1", "đồng ý", "0123456789", "Nguyễn Văn An", "cccd", "001090001234", "05/03/1990", "ha noi", "ba dinh", "so 12 cau dien", "0912345678", "bỏ qua" })
        {
            await host.SayAsync(chat, answer);
        }

        for (var i = 0; i < 3; i++)
        {
            await host.PhotoAsync(chat, TestImages.Jpeg());
        }

        await host.TapAsync(chat, "BHXH cơ sở Đống Đa");
        Assert.Contains("Mã hồ sơ của bạn: VB-", (await host.TapAsync(chat, "Gửi hồ sơ")).Text);
    }
}
