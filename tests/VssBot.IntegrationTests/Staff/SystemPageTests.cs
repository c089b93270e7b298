using System.Net;
using VssBot.IntegrationTests.Support;

namespace VssBot.IntegrationTests.Staff;

/// <summary>/staff/system: admins see the state of VssBot (store, channels, queue, backups,
/// retention) with no personal data; other staff (of this office or any) get "not found".</summary>
[Collection(SeparateProcesses.Name)]
public sealed class SystemPageTests
{
    [Fact]
    public async Task AdminsSeeTheSystemAndNobodyElseDoes()
    {
        using var data = new TempFolder("system-page");
        using var copies = new TempFolder("system-page-copies");
        await SecurityHost.AddStaffAsync(data.Path, "admin-hn", "hn-dong-da", "admin");
        await SecurityHost.AddStaffAsync(data.Path, "hn", "hn-dong-da");
        await using var server = await VssBotProcess.StartAsync(data.Path, $"--Backup:Directory={copies.Path}", "--Backup:FirstDelaySeconds=0");
        await Poll.UntilAsync(() => server.Output.Contains("Backup written"), TimeSpan.FromSeconds(30), "no backup was written");

        // Someone registers, then asks for a person at Đống Đa.
        var citizen = new ChatClient(server.Http);
        await citizen.RegisterAsync();
        foreach (var text in new[] { "gặp nhân viên", "có" })
        {
            await citizen.SayAsync(text);
        }

        async Task<(HttpStatusCode Status, string Page)> SystemPageAs(string user)
        {
            using var staff = new StaffBrowser(server.Http.BaseAddress!);
            var response = await staff.SignedInGetAsync(user, "/staff/system");
            return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        }

        var (status, page) = await SystemPageAs("admin-hn");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Hệ thống", page);
        Assert.Contains("LiteDB", page);
        Assert.Contains("Lần gần nhất", page); // the backup's time and size
        Assert.Contains("Telegram", page);
        Assert.Matches(@"BHXH cơ sở Đống Đa</td><td>\d+</td>", page);
        Assert.DoesNotContain("001090001234", page);
        Assert.DoesNotContain("0912 345 678", page);
        Assert.DoesNotContain("Nguyễn Văn An", page, StringComparison.OrdinalIgnoreCase);

        // Staff who are not admins, and nobody signed in: not found.
        Assert.Equal(HttpStatusCode.NotFound, (await SystemPageAs("hn")).Status);
        var anonymous = await new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Http.BaseAddress }.GetAsync("/staff/system");
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
    }

    [Fact]
    public async Task OnPostgreSqlThePageShowsTheDatabaseAndItsSize()
    {
        await using var postgres = await PostgresServer.StartAsync();
        using var data = new TempFolder("system-page-pg");
        string[] settings = ["--Storage:Provider=PostgreSQL", $"--Storage:ConnectionString={postgres.ConnectionString}"];
        await SecurityHost.AddStaffAsync(data.Path, ["admin-hn", "hn-dong-da", "admin", .. settings]);
        await using var server = await VssBotProcess.StartAsync(data.Path, settings);
        using var admin = new StaffBrowser(server.Http.BaseAddress!);
        var response = await admin.SignedInGetAsync("admin-hn", "/staff/system");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Matches(@"PostgreSQL, \d+\.\d MB", page);
        Assert.Contains("pg_dump", page);
    }
}
