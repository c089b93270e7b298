using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VssBot.IntegrationTests.Support;
using VssBot.Storage;

namespace VssBot.IntegrationTests.Hosting;

/// <summary>Backups of the embedded store: taken while people register, restored into a fresh
/// folder where everything carries on; a bad copy is refused and changes nothing.</summary>
[Collection(SeparateProcesses.Name)]
public sealed class BackupTests
{
    private static readonly string[] Script = [.. ChatClient.AnswersToPhotos, "[Ảnh]", "[Ảnh]", "[Ảnh]", "Đống Đa", "Gửi hồ sơ"];

    [Fact]
    public async Task ABackupTakenWhileTwentyPeopleRegisterRestoresEveryoneAtTheirCommittedStep()
    {
        using var data = new TempFolder("backup-live");
        using var copies = new TempFolder("backup-copies");
        var acknowledged = new Dictionary<string, List<string>>();
        string backup;
        await using (var server = await VssBotProcess.StartAsync(data.Path, $"--Backup:Directory={copies.Path}", "--Backup:FirstDelaySeconds=4", "--Backup:IntervalMinutes=600",
            "--RateLimits:PhotosBurst=100000")) // twenty people on one address, photographing for as long as it takes
        {
            var photo = TestImages.Jpeg();
            bool Written() => server.Output.Contains("Backup written");

            // Twenty people register, again and again, until the copy has been taken.
            async Task Citizen()
            {
                var chat = new ChatClient(server.Http);
                var key = await chat.StartAsync();
                var sent = new List<string>();
                lock (acknowledged)
                {
                    acknowledged[key] = sent;
                }

                for (var round = 0; round < 20 && (round == 0 || !Written()); round++)
                {
                    foreach (var answer in round == 0 ? Script : ["Về menu chính", .. Script])
                    {
                        var response = answer == "[Ảnh]" ? await chat.PostPhotoAsync(photo) : await chat.Http.PostAsJsonAsync($"/api/chat/conversations/{key}/messages", new { text = answer });
                        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                        sent.Add(answer);
                    }
                }
            }

            await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(Citizen)));
            Assert.True(Written(), "no backup was taken while they registered");
            backup = Assert.Single(Directory.GetFiles(copies.Path, "vssbot-*.db"));
        }

        // The copy is encrypted: nothing a person typed is in it, and another key opens nothing.
        var bytes = await File.ReadAllBytesAsync(backup);
        Assert.Equal(-1, bytes.AsSpan().IndexOf("001090001234"u8));
        Assert.Equal(-1, bytes.AsSpan().IndexOf("DN4010123456789"u8));
        var wrongKey = await VssBotProcess.RunCommandAsync(data.Path, ["data", "verify", backup, "--Storage:Password=" + new string(VssBotProcess.TestKey.Reverse().ToArray())], expectedExit: 1);
        Assert.Contains("not a readable backup", wrongKey);
        Assert.Contains("conversations", await VssBotProcess.RunCommandAsync(data.Path, ["data", "verify", backup]));

        // Restored into a fresh folder: each conversation at a step it had committed (what it
        // heard is the start of what was sent, each answered), and it carries on from there.
        using var fresh = new TempFolder("backup-restored");
        await VssBotProcess.RunCommandAsync(fresh.Path, ["data", "restore", backup]);
        var kept = 0;
        var after = 0;
        await using (var restored = await VssBotProcess.StartAsync(fresh.Path))
        {
            foreach (var (key, sent) in acknowledged)
            {
                var chat = new ChatClient(restored.Http).Resume(key);
                var messages = await chat.MessagesAsync();
                var heard = messages.Where(m => m.GetProperty("from").GetString() == "user").Select(m => m.GetProperty("text").GetString()!).ToList();
                Assert.Equal(sent.Take(heard.Count), heard);
                Assert.Equal("bot", messages[^1].GetProperty("from").GetString());
                kept += heard.Count;
                after += sent.Count - heard.Count;
                Assert.NotEmpty(ChatClient.Text(await chat.SayAsync("trợ giúp")));
            }
        }

        Assert.True(kept > 0 && after > 0, $"{kept} answers before the copy, {after} after: the copy was not taken mid-registration");
        using var factory = new VssBotFactory(fresh.Path, new Dictionary<string, string> { ["Storage:Password"] = VssBotProcess.TestKey });
        var store = factory.Services.GetRequiredService<LiteDbStore>();
        Assert.All(store.AllDossiers(), d =>
        {
            Assert.NotNull(store.FindConversation(d.ConversationId));
            Assert.All(d.PhotoKeys, key => Assert.NotNull(store.Photo(key)));
        });
    }

    [Fact]
    public async Task ACorruptOrTruncatedBackupIsRefusedAndTheDatabaseIsUntouched()
    {
        using var data = new TempFolder("backup-bad");
        using var copies = new TempFolder("backup-bad-copies");
        await using (var server = await VssBotProcess.StartAsync(data.Path, $"--Backup:Directory={copies.Path}", "--Backup:FirstDelaySeconds=0"))
        {
            await new ChatClient(server.Http).RegisterAsync();
            await Poll.UntilAsync(() => server.Output.Contains("Backup written"), TimeSpan.FromSeconds(30), "no backup was written");
        }

        var good = Assert.Single(Directory.GetFiles(copies.Path, "vssbot-*.db"));
        var truncated = Path.Combine(copies.Path, "truncated.db");
        await File.WriteAllBytesAsync(truncated, (await File.ReadAllBytesAsync(good))[..(int)(new FileInfo(good).Length / 2)]);
        var corrupt = Path.Combine(copies.Path, "corrupt.db");
        var bytes = await File.ReadAllBytesAsync(good);
        RandomNumberGenerator.Fill(bytes.AsSpan(bytes.Length / 2, 4096));
        await File.WriteAllBytesAsync(corrupt, bytes);

        var database = Path.Combine(data.Path, LiteDbStore.FileName);
        var before = SHA256.HashData(await File.ReadAllBytesAsync(database));
        foreach (var bad in new[] { truncated, corrupt })
        {
            await VssBotProcess.RunCommandAsync(data.Path, ["data", "verify", bad], expectedExit: 1);
            Assert.Contains("nothing was changed", await VssBotProcess.RunCommandAsync(data.Path, ["data", "restore", bad], expectedExit: 1));
        }

        Assert.Equal(before, SHA256.HashData(await File.ReadAllBytesAsync(database)));
        Assert.Empty(Directory.GetFiles(data.Path, "*.before-restore-*"));
    }

    [Fact]
    public async Task BackupsComeByTheClockAndOnlyTheNewestAreKept()
    {
        using var data = new TempFolder("backup-keep");
        using var copies = new TempFolder("backup-keep-copies");
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero));
        using var factory = new VssBotFactory(data.Path, new Dictionary<string, string>
        {
            ["Storage:Password"] = VssBotProcess.TestKey, ["Backup:Directory"] = copies.Path,
            ["Backup:FirstDelaySeconds"] = "300", ["Backup:IntervalMinutes"] = "1440", ["Backup:Keep"] = "2",
        }, clock);
        _ = factory.Server;
        string[] Copies() => [.. Directory.GetFiles(copies.Path, "vssbot-*.db").Select(Path.GetFileName).Order()!];

        Assert.Empty(Copies());
        clock.Advance(TimeSpan.FromSeconds(300));
        await Poll.UntilAsync(() => Copies().Length == 1, TimeSpan.FromSeconds(20), "no first backup");
        Assert.Equal(["vssbot-20261125T010500Z.db"], Copies());
        var made = new SortedSet<string>(Copies(), StringComparer.Ordinal);
        for (var day = 1; day <= 2; day++)
        {
            // A day on, the next copy; the clock moves on by the hour until it comes, in case
            // the service had not yet begun its wait when the day passed.
            clock.Advance(TimeSpan.FromDays(1));
            await Poll.UntilAsync(() =>
            {
                if (Copies().Any(c => !made.Contains(c)))
                {
                    return Task.FromResult(true);
                }

                clock.Advance(TimeSpan.FromHours(1));
                return Task.FromResult(false);
            }, TimeSpan.FromSeconds(20), () => $"no backup on day {day}: {string.Join(", ", Copies())}");
            made.UnionWith(Copies());
        }

        // Three made, the two newest kept, each with its checksum.
        await Poll.UntilAsync(() => Task.FromResult(Copies().Length == 2), TimeSpan.FromSeconds(20), () => string.Join(", ", Copies()));
        Assert.Equal(3, made.Count);
        Assert.Equal(made.TakeLast(2), Copies());
        Assert.All(Copies(), c => Assert.True(File.Exists(Path.Combine(copies.Path, c + ".sha256"))));
        Assert.False(File.Exists(Path.Combine(copies.Path, made.First() + ".sha256")));
    }

    [Fact]
    public async Task AFailedBackupIsAWarningOnReadyzAndTheSystemPage()
    {
        using var data = new TempFolder("backup-fails");
        var notAFolder = Path.Combine(data.Path, "not-a-folder");
        await File.WriteAllTextAsync(notAFolder, "a file where the backups' folder should be");
        await SecurityHost.AddStaffAsync(data.Path, "admin-hn", "hn-dong-da", "admin");
        await using var server = await VssBotProcess.StartAsync(data.Path, $"--Backup:Directory={notAFolder}", "--Backup:FirstDelaySeconds=0");
        await Poll.UntilAsync(() => server.Output.Contains("Backup failed"), TimeSpan.FromSeconds(30), "the backup did not fail");

        var ready = await server.Http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode); // still serving: a warning, not an outage
        Assert.Contains("degraded", await ready.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ok", await server.Http.GetStringAsync("/healthz"), StringComparison.OrdinalIgnoreCase);

        using var admin = new StaffBrowser(server.Http.BaseAddress!);
        var page = WebUtility.HtmlDecode(await (await admin.SignedInGetAsync("admin-hn", "/staff/system")).Content.ReadAsStringAsync());
        Assert.Contains("Sao lưu gần nhất không thành công", page);
    }

    [Fact]
    public async Task BackupSettingsAreRefusedOnPostgreSql()
    {
        using var data = new TempFolder("backup-pg");
        var output = new System.Text.StringBuilder();
        using var run = VssBotProcess.Start([$"--Storage:DataDirectory={data.Path}", $"--Storage:Password={VssBotProcess.TestKey}", "--urls=http://127.0.0.1:0",
            "--Storage:Provider=PostgreSQL", "--Storage:ConnectionString=Host=127.0.0.1;Port=1", $"--Backup:Directory={data.Path}"],
            line => { lock (output) { output.AppendLine(line); } });
        await run.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("pg_dump", output.ToString());
    }
}
