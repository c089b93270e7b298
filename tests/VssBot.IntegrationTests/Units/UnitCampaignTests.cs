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
    private const string Password = OfficeHost.Password;

    [Fact]
    public async Task ASchoolsCampaignCountsItsPeopleAndOnlyThem()
    {
        await using var host = await TelegramHost.StartAsync(new() { ["Telegram:BotUsername"] = "vssbot_test_bot", ["Units:PublicUrl"] = "https://vssbot.example.vn" });
        var services = host.Factory.Services;
        var store = services.GetRequiredService<LiteDbStore>();
        await TestStaff.AddAsync(services, "lan", Password, ["hn-dong-da"]);

        // Office staff make the school and another unit in the console.
        using var lan = await SignInAsync(host, "lan");
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(30);
        await PostAsync(lan, "/staff/units", ("code", "thcs-cau-giay"), ("name", "Trường THCS Cầu Giấy"), ("office", "hn-dong-da"), ("target", "10"), ("deadline", deadline.ToString("yyyy-MM-dd")));
        await PostAsync(lan, "/staff/units", ("code", "CONG-TY-AN-PHAT"), ("name", "Công ty An Phát"), ("office", "hn-dong-da"), ("target", "5"));
        var school = store.FindUnit("THCS-CAU-GIAY")!;
        Assert.Equal(10, school.Target);
        Assert.Equal(deadline, school.Deadline);

        // Someone of another office cannot make units for this one.
        await TestStaff.AddAsync(services, "hp", Password, ["hp-ngo-quyen"]);
        using var hp = await SignInAsync(host, "hp");
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(hp, "/staff/units", ("code", "X"), ("name", "X"), ("office", "hn-dong-da"))).StatusCode);

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
        await AddCoordinatorAsync(services, "co-hieu-pho", "hn-dong-da", "THCS-CAU-GIAY");
        using var coordinator = await SignInAsync(host, "co-hieu-pho");
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
        await AddCoordinatorAsync(services, "hr-an-phat", "hn-dong-da", "CONG-TY-AN-PHAT");
        using var other = await SignInAsync(host, "hr-an-phat");
        foreach (var path in new[] { "", "/list.xlsx", "/list.csv", "/poster.pdf", "/poster.png" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/staff/units/THCS-CAU-GIAY" + path)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(other, "/staff/units/THCS-CAU-GIAY/remind", ("confirm", "yes"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(other, "/staff/units/THCS-CAU-GIAY/form01", ("dossier", web))).StatusCode);
        Assert.DoesNotContain("Cầu Giấy", WebUtility.HtmlDecode(await other.GetStringAsync("/staff/units")));

        // Form 01 ticked by the coordinator counts.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(coordinator, "/staff/units/THCS-CAU-GIAY/form01", ("dossier", web))).StatusCode);
        Assert.NotNull(store.FindDossier(web)!.Form01ReceivedAt);

        // A reminder reaches the Telegram citizen who stopped halfway; "dừng nhắc" stops them.
        var before = host.Api.To(720002).Count;
        var remind = await PostAsync(coordinator, "/staff/units/THCS-CAU-GIAY/remind", ("confirm", "yes"));
        Assert.Equal("/staff/units/THCS-CAU-GIAY?reminded=1", remind.Headers.Location?.OriginalString);
        Assert.Contains("Trường THCS Cầu Giấy nhắc bạn", (await host.Api.WaitForMessageAsync(720002, before)).Text);
        Assert.Contains("không nhắc bạn nữa", (await host.SayAsync(720002, "dừng nhắc")).Text);
        var stopped = store.FindConversation(store.LinkedConversation("telegram:720002")!)!;
        Assert.True(stopped.NoReminders);
        Assert.Contains(store.AuditLog(), a => a.Action == "remind" && a.Staff == "co-hieu-pho" && a.Subject == stopped.Id);
        remind = await PostAsync(coordinator, "/staff/units/THCS-CAU-GIAY/remind", ("confirm", "yes"));
        Assert.Equal("/staff/units/THCS-CAU-GIAY?reminded=0", remind.Headers.Location?.OriginalString);
    }

    internal static async Task AddCoordinatorAsync(IServiceProvider services, string user, string office, string unit)
    {
        var account = await TestStaff.AddAsync(services, user, Password, [office]);
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        var stored = (await users.FindByNameAsync(account.Id))!;
        stored.Unit = unit;
        Assert.True((await users.UpdateAsync(stored)).Succeeded);
    }

    internal static async Task<HttpClient> SignInAsync(TelegramHost host, string user)
    {
        var http = host.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await http.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = user, ["password"] = Password, ["__RequestVerificationToken"] = await OfficeHost.TokenAsync(http, "/staff/login"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return http;
    }

    internal static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, params (string Name, string Value)[] fields)
    {
        var token = await OfficeHost.TokenAsync(http, "/staff/units");
        return await http.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token))));
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
