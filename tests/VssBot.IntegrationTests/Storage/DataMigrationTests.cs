using System.Net;
using VssBot.IntegrationTests.Support;

namespace VssBot.IntegrationTests.Storage;

/// <summary>`data migrate --from litedb --to postgres`: what a LiteDB installation holds carries
/// on under PostgreSQL, every count checked; a database already in use is never filled.</summary>
[Collection(SeparateProcesses.Name)]
public sealed class DataMigrationTests
{
    [Fact]
    public async Task ALiteDbInstallationCarriesOnUnderPostgreSql()
    {
        await using var postgres = await PostgresServer.StartAsync();
        using var lite = new TempFolder("migrate-lite");
        await SecurityHost.AddStaffAsync(lite.Path, "hn", "hn-chuong-my,hn-dong-da");
        await VssBotProcess.RunCommandAsync(lite.Path, ["unit", "add", "THCS-CAU-GIAY", "--name", "Trường THCS Cầu Giấy", "--office", "hn-dong-da"]);
        string key;
        string reference;
        byte[] photoBefore;
        await using (var before = await VssBotProcess.StartAsync(lite.Path))
        {
            var citizen = new ChatClient(before.Http);
            reference = await citizen.RegisterAsync(unitName: "bỏ qua");
            key = citizen.Id;
            await new ChatClient(before.Http).StartAsync(); // a second conversation, still at the menu
            photoBefore = await FirstPhotoAsync(before, reference);
        }

        string[] toPostgres = ["data", "migrate", "--from", "litedb", "--to", "postgres", $"--Storage:ConnectionString={postgres.ConnectionString}"];
        var report = await VssBotProcess.RunCommandAsync(lite.Path, toPostgres);
        Assert.Matches(@"conversations\s+2 →\s+2", report);
        Assert.Matches(@"photos\s+3 →\s+3", report);
        Assert.Matches(@"dossiers\s+1 →\s+1", report);
        Assert.Matches(@"staff accounts\s+1 →\s+1", report);
        Assert.Matches(@"units\s+1 →\s+1", report);
        Assert.Matches(@"transcript entries\s+(\d+) →\s+\1", report);
        Assert.Contains("every count matches", report);
        Assert.DoesNotContain("DIFFERS", report);

        // Run again: the database is in use now, and nothing is copied twice.
        Assert.Contains("not empty", await VssBotProcess.RunCommandAsync(lite.Path, toPostgres, expectedExit: 1));

        // A new instance on PostgreSQL alone: the citizen's conversation, the dossier with its
        // photos, the staff account and its password.
        using var fresh = new TempFolder("migrate-pg");
        await using var after = await VssBotProcess.StartAsync(fresh.Path, "--Storage:Provider=PostgreSQL", $"--Storage:ConnectionString={postgres.ConnectionString}");
        Assert.Contains(reference, await new ChatClient(after.Http).Resume(key).SayTextAsync("tra cứu hồ sơ"));
        Assert.Equal(photoBefore, await FirstPhotoAsync(after, reference));
    }

    // Signed in as the office's staff member: the dossier's first photo, as the console serves it.
    private static async Task<byte[]> FirstPhotoAsync(VssBotProcess server, string reference)
    {
        using var staff = new StaffBrowser(server.Http.BaseAddress!);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.LoginAsync("hn", SecurityHost.Password)).StatusCode);
        var dossier = await staff.Http.GetStringAsync($"/staff/dossiers/{reference}");
        var photo = System.Text.RegularExpressions.Regex.Match(dossier, "/staff/photos/[^\"]+").Value;
        Assert.NotEmpty(photo);
        var bytes = await staff.Http.GetByteArrayAsync(photo);
        Assert.True(bytes.Length > 100 && bytes[0] == 0xFF && bytes[1] == 0xD8, "not a JPEG");
        return bytes;
    }
}
