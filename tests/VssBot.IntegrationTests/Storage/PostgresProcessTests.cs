using VssBot.IntegrationTests.Support;

namespace VssBot.IntegrationTests.Storage;

/// <summary>VssBot on PostgreSQL (Storage:Provider), the real process against a throw-away
/// cluster: a citizen registers through one instance and continues through another on the
/// same database, sixteen messages land on both at once and each is kept in order; after
/// both stop, a fresh instance has the dossier and the citizen looks it up.</summary>
[Collection(SeparateProcesses.Name)]
public sealed class PostgresProcessTests
{
    [Fact]
    public async Task TwoInstancesShareOneDatabaseAndAReferenceOutlivesTheirRestart()
    {
        await using var postgres = await PostgresServer.StartAsync();
        using var a = new TempFolder("pg-a");
        using var b = new TempFolder("pg-b");
        string[] settings = ["--Storage:Provider=PostgreSQL", $"--Storage:ConnectionString={postgres.ConnectionString}"];
        string reference;
        string key;
        await using (var first = await VssBotProcess.StartAsync(a.Path, settings))
        await using (var second = await VssBotProcess.StartAsync(b.Path, settings))
        {
            var onFirst = new ChatClient(first.Http);
            key = await onFirst.StartAsync();
            var onSecond = new ChatClient(second.Http).Resume(key);
            var instances = new[] { onFirst, onSecond };
            var turn = 0;
            foreach (var answer in ChatClient.AnswersToPhotos)
            {
                await instances[turn++ % 2].SayAsync(answer); // every other message lands on the other instance
            }

            for (var i = 0; i < 3; i++)
            {
                await instances[turn++ % 2].SendPhotoAsync(TestImages.Jpeg());
            }

            await instances[turn++ % 2].SayAsync("Đống Đa");

            // Both instances at once on the same conversation: one turn at a time (an advisory
            // lock per conversation), so every message is kept, each with its own place.
            var before = (await onFirst.MessagesAsync()).Length;
            await Task.WhenAll(Enumerable.Range(0, 16).Select(i => instances[i % 2].SayAsync("trợ giúp")));
            var messages = await onSecond.MessagesAsync();
            Assert.Equal(16, messages.Skip(before).Count(m => m.GetProperty("from").GetString() == "user"));
            var seqs = messages.Select(m => m.GetProperty("seq").GetInt32()).ToList();
            Assert.Equal(seqs.Count, seqs.Distinct().Count());
            Assert.Equal(Enumerable.Range(1, seqs.Count), seqs);
            var done = await instances[turn % 2].SayTextAsync("Gửi hồ sơ");
            reference = System.Text.RegularExpressions.Regex.Match(done, "VB-[0-9A-Z]{10}").Value;
            Assert.NotEmpty(reference);
        }

        // Nothing lives in the instances' own folders: a fresh one on the same database carries on.
        using var c = new TempFolder("pg-c");
        await using var third = await VssBotProcess.StartAsync(c.Path, settings);
        var status = await new ChatClient(third.Http).Resume(key).SayTextAsync("tra cứu hồ sơ");
        Assert.Contains(reference, status);
        Assert.Empty(Directory.GetFiles(c.Path, "*.db"));
    }

    [Fact]
    public async Task AStaffMemberOnOneInstanceSeesLiveAHandoffMadeOnAnother()
    {
        await using var postgres = await PostgresServer.StartAsync();
        using var a = new TempFolder("pg-staff-a");
        using var b = new TempFolder("pg-staff-b");
        string[] settings = ["--Storage:Provider=PostgreSQL", $"--Storage:ConnectionString={postgres.ConnectionString}"];
        await SecurityHost.AddStaffAsync(a.Path, ["hn", "hn-dong-da,hn-chuong-my", .. settings]);
        await using var first = await VssBotProcess.StartAsync(a.Path, settings);
        await using var second = await VssBotProcess.StartAsync(b.Path, settings);

        using var staff = new StaffBrowser(first.Http.BaseAddress!);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await staff.LoginAsync("hn", SecurityHost.Password)).StatusCode);
        var request = new HttpRequestMessage(HttpMethod.Get, "/staff/events");
        var response = await staff.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal(": connected", await events.ReadLineAsync());

        // The citizen talks to the other instance.
        var citizen = new ChatClient(second.Http);
        await citizen.StartAsync();
        foreach (var text in new[] { "1", "đồng ý", "0123456789", "Đỗ Thị Mai", "cccd", "001190001234", "05/03/1990", "Hà Nội", "gặp nhân viên", "có" })
        {
            await citizen.SayAsync(text);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string? heard = null;
        while (heard is null && await events.ReadLineAsync(timeout.Token) is { } line)
        {
            heard = line.StartsWith("data: ", StringComparison.Ordinal) ? line["data: ".Length..] : null;
        }

        Assert.NotNull(heard);
        Assert.Contains(heard, await staff.Http.GetStringAsync("/staff/queue"));

        // The sign-in holds on the other instance too: one key ring in the database.
        var elsewhere = await staff.Http.GetAsync($"http://127.0.0.1:{second.Port}/staff/queue");
        Assert.Equal(System.Net.HttpStatusCode.OK, elsewhere.StatusCode);
        Assert.Contains(heard, await elsewhere.Content.ReadAsStringAsync());

        // The instances lose their listening connections; a handoff made before they listen
        // again reaches the staff member anyway: caught up from the store when listening resumes.
        var later = new ChatClient(second.Http);
        await later.StartAsync();
        foreach (var text in new[] { "1", "đồng ý", "0123456789", "Đỗ Thị Mai", "cccd", "001190001234", "05/03/1990", "Hà Nội", "gặp nhân viên" })
        {
            await later.SayAsync(text);
        }

        await using var admin = Npgsql.NpgsqlDataSource.Create(postgres.ConnectionString);
        await using (var cut = admin.CreateCommand("select count(pg_terminate_backend(pid)) from pg_stat_activity where query ilike 'listen %'"))
        {
            Assert.Equal(2L, await cut.ExecuteScalarAsync());
        }

        await Poll.UntilAsync(async () =>
        {
            await using var listening = admin.CreateCommand("select count(*) from pg_stat_activity where query ilike 'listen %'");
            return (long)(await listening.ExecuteScalarAsync())! == 0;
        }, TimeSpan.FromSeconds(5), "the listeners did not go");
        await later.SayAsync("có");

        string? caughtUp = null;
        while (caughtUp is null && await events.ReadLineAsync(timeout.Token) is { } line)
        {
            caughtUp = line.StartsWith("data: ", StringComparison.Ordinal) && line != "data: " + heard ? line["data: ".Length..] : null;
        }

        Assert.NotNull(caughtUp);
        Assert.Contains(caughtUp, await staff.Http.GetStringAsync("/staff/queue"));
        await Poll.UntilAsync(() => first.Output.Contains("caught up 2 handed-off conversations"), TimeSpan.FromSeconds(10), "no catch-up was logged");
    }
}
