using VssBot.IntegrationTests.Support;

namespace VssBot.IntegrationTests.Storage;

/// <summary>VssBot on PostgreSQL (Storage:Provider), the real process against a throw-away
/// cluster: a citizen registers through one instance and continues through another on the
/// same database, sixteen messages land on both at once and each is kept in order; after
/// both stop, a fresh instance has the dossier and the citizen looks it up.</summary>
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
}
