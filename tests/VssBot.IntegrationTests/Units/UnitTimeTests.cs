using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VssBot.Core.Conversations;
using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Engine;
using VssBot.IntegrationTests.Support;
using VssBot.Storage;
using VssBot.Units;

namespace VssBot.IntegrationTests.Units;

/// <summary>A unit's campaign over days, on a driven clock (FakeTimeProvider): at most one
/// reminder per person per 3 days and none after "dừng nhắc"; some days after approval the
/// bot asks whether the person could log in, once, and "yes" counts; after the deadline the
/// link still works and the page shows the state at the deadline beside now.</summary>
public sealed partial class UnitTimeTests
{
    [Fact]
    public async Task RemindersLoginQuestionsAndTheDeadlineFollowTheCalendar()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero)); // 10:00 in Hà Nội
        using var data = new TempFolder("unit-time");
        using var factory = new VssBotFactory(data.Path, null, clock);
        var services = factory.Services;
        var store = services.GetRequiredService<LiteDbStore>();
        var unit = await UnitForm.Read("TIEU-HOC-A", "Trường Tiểu học A", "hn-dong-da", null, "3", "5", "2026-12-01").SaveAsync(store, clock);
        await UnitCampaignTestsSupport.AddCoordinatorAsync(services, "co-lan", "hn-dong-da", unit.Code);
        // A staff session lasts hours: after days, the coordinator signs in again.
        async Task<HttpClient> SignInAsync() => await UnitCampaignTestsSupport.SignInAsync(
            factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), "co-lan");
        var coordinator = await SignInAsync();

        // A registers through the link and is approved; B stops halfway.
        var a = new ChatClient(factory.CreateClient());
        var reference = await a.RegisterAsync(unit: unit.Token);
        Assert.True(await services.GetRequiredService<ConversationService>().DecideAsync(reference, new DossierDecision(DossierStatus.Approved, null, [])));
        var b = new ChatClient(factory.CreateClient());
        await b.StartAsync(unit.Token);
        await b.SayAsync("Đăng ký VssID cho bản thân");

        // One reminder, shown to B on their next visit; a second press the same day sends nothing.
        Assert.Equal(1, await RemindAsync(coordinator, unit.Code));
        Assert.Contains(await b.MessagesAsync(), m => m.GetProperty("text").GetString()!.Contains("Trường Tiểu học A nhắc bạn"));
        Assert.Equal(0, await RemindAsync(coordinator, unit.Code));

        // Three days on: B may be reminded again; A is asked whether they could log in, once.
        clock.Advance(TimeSpan.FromDays(3));
        coordinator = await SignInAsync();
        Assert.Equal(1, await RemindAsync(coordinator, unit.Code));
        // (The hosted service may have asked on the clock's tick already: a round after it asks nobody again.)
        var logins = services.GetRequiredService<LoginCheckService>();
        await logins.RunOnceAsync();
        Assert.Equal(0, await logins.RunOnceAsync());
        Assert.Single(await a.MessagesAsync(), m => m.GetProperty("text").GetString()!.Contains("đăng nhập được chưa"));
        Assert.Contains("Cảm ơn bạn", await a.SayTextAsync("Đã đăng nhập được"));
        Assert.NotNull(store.FindDossier(reference)!.LoggedInAt);

        // B says "dừng nhắc": three days later nobody is reminded.
        Assert.Contains("không nhắc bạn nữa", await b.SayTextAsync("dừng nhắc"));
        clock.Advance(TimeSpan.FromDays(3));
        coordinator = await SignInAsync();
        Assert.Equal(0, await RemindAsync(coordinator, unit.Code));

        // Past the deadline (1 December) the link still works; the page shows both moments.
        clock.Advance(TimeSpan.FromDays(2));
        await new ChatClient(factory.CreateClient()).RegisterAsync(unit: unit.Token);
        coordinator = await SignInAsync();
        var page = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/staff/units/{unit.Code}"));
        Assert.Contains("đã quá 1 ngày", page);
        // Started, submitted, approved, form 01, logged in.
        Assert.Equal([2, 1, 1, 0, 1], Figures(page, "Tại hạn chót"));
        Assert.Equal([3, 2, 1, 0, 1], Figures(page, "Hiện tại"));
    }

    private static async Task<int> RemindAsync(HttpClient coordinator, string unit)
    {
        var response = await UnitCampaignTestsSupport.PostAsync(coordinator, $"/staff/units/{unit}/remind", ("confirm", "yes"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split("reminded=")[1]);
    }

    private static int[] Figures(string page, string row)
    {
        var cells = Regex.Match(page, $@"{row}</th>(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        return [.. Cell().Matches(cells).Take(5).Select(m => int.Parse(m.Groups[1].Value))];
    }

    [GeneratedRegex(@"<td>(\d+)")]
    private static partial Regex Cell();
}
