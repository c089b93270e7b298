using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Core.Staff;
using VssBot.IntegrationTests.Support;
using VssBot.Staff;
using VssBot.Storage;

namespace VssBot.IntegrationTests.Staff;

public sealed partial class StaffConsoleTests : IDisposable
{
    private const string Password = "mat-khau-rat-dai-2026";
    private readonly TempFolder _data = new("staff");
    private readonly VssBotFactory _factory;
    private readonly LiteDbStore _store;

    public StaffConsoleTests()
    {
        _factory = new VssBotFactory(_data.Path);
        _store = _factory.Services.GetRequiredService<LiteDbStore>();
        foreach (var (id, office) in new[] { ("huyen", "hp-ngo-quyen"), ("lan", "hn-dong-da") })
        {
            TestStaff.AddAsync(_factory.Services, id, Password, [office]).GetAwaiter().GetResult();
        }
    }

    public void Dispose()
    {
        _factory.Dispose();
        _data.Dispose();
    }

    private HttpClient Client() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<string> TokenAsync(HttpClient http, string path = "/staff/login")
    {
        var page = await http.GetStringAsync(path);
        return TokenField().Match(page).Groups[1].Value;
    }

    private static async Task<HttpResponseMessage> LoginAsync(HttpClient http, string user, string password, bool withToken = true)
    {
        var fields = new Dictionary<string, string> { ["user"] = user, ["password"] = password };
        if (withToken)
        {
            fields["__RequestVerificationToken"] = await TokenAsync(http);
        }

        return await http.PostAsync("/staff/login", new FormUrlEncodedContent(fields));
    }

    private Task<string> SubmitDossierAsync(string office) => new ChatClient(_factory.CreateClient()).RegisterAsync(office);

    [Fact]
    public async Task NothingUnderStaffIsServedWithoutLoggingIn()
    {
        using var http = Client();
        foreach (var path in new[] { "/staff", "/staff/dossiers/VB-00000000", "/staff/photos/x/y" })
        {
            var response = await http.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/staff/login", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task ALoginPostWithoutTheAntiforgeryTokenIsRefused()
    {
        using var http = Client();
        await http.GetAsync("/staff/login");
        var response = await LoginAsync(http, "huyen", Password, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("vssbot.staff=")));
    }

    [Fact]
    public async Task RepeatedWrongPasswordsLockTheAccountEvenAgainstTheRightOne()
    {
        using var http = Client();
        for (var i = 0; i < VssBot.Staff.Identity.StaffIdentity.MaxFailures; i++)
        {
            var wrong = await LoginAsync(http, "huyen", "sai-mat-khau");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var locked = await LoginAsync(http, "huyen", Password);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("tạm khóa", await locked.Content.ReadAsStringAsync());
        Assert.Contains(_store.AuditLog(), a => a.Staff == "huyen" && a.Action == "login-locked");
    }

    [Fact]
    public async Task StaffSeeOnlyTheirOfficesDossiersAndTheirDecisionsAreAudited()
    {
        var ngoQuyen = await SubmitDossierAsync("03102");
        var dongDa = await SubmitDossierAsync("Đống Đa");
        using var http = Client();
        var login = await LoginAsync(http, "huyen", Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains(login.Headers.GetValues("Set-Cookie"), c => c.StartsWith("vssbot.staff=") && c.Contains("httponly") && c.Contains("samesite=strict"));

        var list = await http.GetStringAsync("/staff/dossiers");
        Assert.Contains(ngoQuyen, list);
        Assert.DoesNotContain(dongDa, list);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/staff/dossiers/{dongDa}")).StatusCode);
        var otherPhoto = _store.FindDossier(dongDa)!.PhotoKeys[0];
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/staff/photos/{otherPhoto}")).StatusCode);

        var page = await http.GetStringAsync($"/staff/dossiers/{ngoQuyen}");
        Assert.Contains("Nguyen Van An", page);
        // Each photo says which it is (issue 25): portrait, front, back, in that order.
        var captions = System.Text.RegularExpressions.Regex.Matches(System.Net.WebUtility.HtmlDecode(page), "<figcaption>(.*?)</figcaption>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["Ảnh chân dung", "Ảnh mặt trước giấy tờ", "Ảnh mặt sau giấy tờ"], captions);
        var ownPhoto = await http.GetAsync($"/staff/photos/{_store.FindDossier(ngoQuyen)!.PhotoKeys[0]}");
        Assert.Equal("image/jpeg", ownPhoto.Content.Headers.ContentType!.MediaType);

        var forged = await http.PostAsync($"/staff/dossiers/{ngoQuyen}/decision", new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approved" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(VssBot.Core.Domain.Dossiers.DossierStatus.Submitted, _store.FindDossier(ngoQuyen)!.Status);

        var token = await TokenAsync(http, $"/staff/dossiers/{ngoQuyen}");
        var decided = await http.PostAsync($"/staff/dossiers/{ngoQuyen}/decision", new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approved", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Equal(VssBot.Core.Domain.Dossiers.DossierStatus.Approved, _store.FindDossier(ngoQuyen)!.Status);
        Assert.NotNull(_store.FindDossier(ngoQuyen)!.DecidedAt);
        Assert.Contains(_store.AuditLog(), a => a.Staff == "huyen" && a.Action == "approved" && a.Subject == ngoQuyen);
        Assert.Contains(_store.AuditLog(), a => a.Staff == "huyen" && a.Action == "view-photo");
    }

    [Fact]
    public async Task StaffCannotSeeOrTakeAnotherOfficesConversationNorActWithoutTheFormToken()
    {
        // A person in Hải Phòng asks for a person: the Ngô Quyền (or Hồng Bàng) queue, not Đống Đa's.
        var chat = new ChatClient(_factory.CreateClient());
        await chat.StartAsync();
        foreach (var text in new[] { "1", "đồng ý", "0123456789", "Nguyễn Văn An", "cccd", "031090001234", "05/03/1990", "Hải Phòng", "gặp nhân viên", "có" })
        {
            await chat.SayAsync(text);
        }

        var id = chat.InternalId(_store);
        Assert.Equal("hp-ngo-quyen", _store.FindConversation(id)!.Handoff!.OfficeId);
        using var lan = Client();
        await LoginAsync(lan, "lan", Password);
        Assert.DoesNotContain(id, await lan.GetStringAsync("/staff/queue"));
        Assert.Equal(HttpStatusCode.NotFound, (await lan.GetAsync($"/staff/conversations/{id}")).StatusCode);
        var token = await TokenAsync(lan, "/staff");
        var stolen = await lan.PostAsync($"/staff/conversations/{id}/claim", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);

        using var huyen = Client();
        await LoginAsync(huyen, "huyen", Password);
        var queue = await huyen.GetStringAsync("/staff/queue");
        Assert.Contains(id, queue);
        Assert.DoesNotContain(chat.Id, queue); // staff never see the person's key
        var forged = await huyen.PostAsync($"/staff/conversations/{id}/claim", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(Core.Engine.HandoffState.Waiting, _store.FindConversation(id)!.Handoff!.State);

        token = await TokenAsync(huyen, "/staff");
        var claimed = await huyen.PostAsync($"/staff/conversations/{id}/claim", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, claimed.StatusCode);
        Assert.Equal("huyen", _store.FindConversation(id)!.Handoff!.Staff);
        Assert.Contains(_store.AuditLog(), a => a.Staff == "huyen" && a.Action == "claim" && a.Subject == id);

        // A photo from staff reaches the person's web chat as an image address.
        var picture = new ByteArrayContent(TestImages.Jpeg());
        picture.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        using var reply = new MultipartFormDataContent { { new StringContent("Ảnh mẫu"), "text" }, { picture, "photo", "mau.jpg" }, { new StringContent(token), "__RequestVerificationToken" } };
        Assert.Equal(HttpStatusCode.NoContent, (await huyen.PostAsync($"/staff/conversations/{id}/messages", reply)).StatusCode);
        var staffMessage = (await chat.MessagesAsync()).Last(m => m.GetProperty("from").GetString() == "staff");
        var address = staffMessage.GetProperty("photo").GetString()!;
        var image = await chat.Http.GetAsync(address);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await chat.Http.GetAsync(address.Replace(chat.Id, VssBot.Web.WebKey.New()))).StatusCode);
    }

    [Fact]
    public async Task WhenNobodyClaimsInTimeThePersonIsToldOnceAndStaysInTheQueue()
    {
        // Time is driven, not waited for: the watch checks every 15 s of the fake clock.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero)); // 10:00 in Hà Nội, a Tuesday
        using var data = new TempFolder("nobody");
        using var factory = new VssBotFactory(data.Path, new Dictionary<string, string> { ["Handoff:ClaimTimeoutMinutes"] = "5", ["Handoff:CheckSeconds"] = "15" }, clock);
        var store = factory.Services.GetRequiredService<LiteDbStore>();
        var watch = factory.Services.GetRequiredService<VssBot.Hosting.HandoffWatch>();
        var chat = new ChatClient(factory.CreateClient());
        await chat.StartAsync();
        await chat.SayAsync("gặp nhân viên");
        await chat.SayAsync("có");

        async Task RoundAsync(TimeSpan advance)
        {
            var before = watch.Rounds;
            clock.Advance(advance);
            await Poll.UntilAsync(() => watch.Rounds > before, TimeSpan.FromSeconds(10), "the watch did not run");

            Assert.True(watch.Rounds > before, "the watch did not run");
        }

        int Notices() => chat.MessagesAsync().GetAwaiter().GetResult().Count(m => m.GetProperty("text").GetString()!.Contains("Hiện chưa có cán bộ"));

        await RoundAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(0, Notices()); // within the claim time: nothing said yet
        await RoundAsync(TimeSpan.FromMinutes(4));
        var notice = (await chat.MessagesAsync()).Last(m => m.GetProperty("from").GetString() == "bot").GetProperty("text").GetString();
        Assert.Contains("Hiện chưa có cán bộ", notice);
        Assert.Contains("1900 9068", notice);
        Assert.Equal(Core.Engine.HandoffState.Waiting, store.FindConversation(chat.InternalId(store))!.Handoff!.State);

        await RoundAsync(TimeSpan.FromSeconds(15));
        await RoundAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(1, Notices()); // said once
    }

    [Fact]
    public async Task AnAdminManagesStaffAndOthersCannot()
    {
        await TestStaff.AddAsync(_factory.Services, "admin", Password, [], admin: true, displayName: "Quản trị");

        using var huyen = Client();
        await LoginAsync(huyen, "huyen", Password);
        Assert.Equal(HttpStatusCode.NotFound, (await huyen.GetAsync("/staff/admin")).StatusCode);

        using var http = Client();
        await LoginAsync(http, "admin", Password);
        // An admin must turn on two-step sign-in before anything else.
        Assert.Equal("/staff/2fa", (await http.GetAsync("/staff/admin")).Headers.Location?.OriginalString);
        var enrol = await http.GetStringAsync("/staff/2fa");
        var secret = Regex.Match(enrol, "<code class=\"secret\">([A-Z2-7]+)</code>").Groups[1].Value;
        var on = await http.PostAsync("/staff/2fa", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = Totp.Code(secret), ["__RequestVerificationToken"] = TokenField().Match(enrol).Groups[1].Value,
        }));
        Assert.Equal("/staff", on.Headers.Location?.OriginalString);
        var page = await http.GetStringAsync("/staff/admin");
        Assert.Contains("Quản lý cán bộ", page);
        var token = TokenField().Match(page).Groups[1].Value;
        var saved = await http.PostAsync("/staff/admin", new FormUrlEncodedContent(new[]
        {
            new KeyValuePair<string, string>("user", "phuong"), new("name", "Cao Thị Thu Phương"), new("offices", "hp-ngo-quyen"),
            new("offices", "hp-hong-bang"), new("password", "mot-mat-khau-moi-dai"), new("__RequestVerificationToken", token),
        }));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(["hp-ngo-quyen", "hp-hong-bang"], _store.FindStaff("phuong")!.Offices);

        using var phuong = Client();
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(phuong, "phuong", "mot-mat-khau-moi-dai")).StatusCode);
        var removed = await http.PostAsync("/staff/admin/phuong/remove", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null(_store.FindStaff("phuong"));
        Assert.Equal(HttpStatusCode.Redirect, (await phuong.GetAsync("/staff")).StatusCode); // the removed account's session no longer works
        Assert.Contains(_store.AuditLog(), a => a.Staff == "admin" && a.Action == "staff-remove" && a.Subject == "phuong");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
