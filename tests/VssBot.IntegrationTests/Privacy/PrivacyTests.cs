using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VssBot.IntegrationTests.Support;
using VssBot.Storage;
using VssBot.Core.Retention;

namespace VssBot.IntegrationTests.Privacy;

[Collection(SeparateProcesses.Name)]
public sealed class PrivacyTests
{
    private static async Task<ChatClient> RegisterAsync(HttpClient http)
    {
        var chat = new ChatClient(http);
        Assert.StartsWith("VB-", await chat.RegisterAsync());
        return chat;
    }

    [Fact]
    public async Task XoaDuLieuCuaToiDeletesEverythingOnlyAfterConfirming()
    {
        using var data = new TempFolder("erase");
        using var factory = new VssBotFactory(data.Path);
        var store = factory.Services.GetRequiredService<LiteDbStore>();
        var chat = await RegisterAsync(factory.CreateClient());
        var other = await RegisterAsync(factory.CreateClient());
        var photos = store.AllDossiers().Single(d => d.ConversationId == chat.InternalId(store)).PhotoKeys;

        Assert.Contains("không hoàn tác được", await chat.SayTextAsync("xoa du lieu cua toi"));
        Assert.Contains("tiếp tục", await chat.SayTextAsync("không"));
        Assert.Equal(2, store.AllDossiers().Count);
        await chat.SayTextAsync("xóa dữ liệu của tôi");
        var erased = await chat.SayTextAsync("có");

        Assert.Contains("Đã xóa toàn bộ dữ liệu", erased);
        Assert.Contains("Xin chào", erased); // back at the menu, a fresh start
        Assert.Single(store.AllDossiers(), d => d.ConversationId == other.InternalId(store));
        Assert.All(photos, key => Assert.Null(store.Photo(key)));
        var transcript = store.Transcript(chat.InternalId(store), 0);
        Assert.DoesNotContain(transcript, t => t.Text.Contains("DN4010123456789") || t.Text.Contains("nguyen van an"));
        Assert.Empty(store.FindConversation(chat.InternalId(store))!.Answers);
        Assert.NotEmpty(store.Transcript(other.InternalId(store), 0));
    }

    [Fact]
    public async Task RetentionDeletesDecidedDossiersPhotosAndAbandonedConversationsOnly()
    {
        using var data = new TempFolder("retention");
        using var factory = new VssBotFactory(data.Path);
        var store = factory.Services.GetRequiredService<LiteDbStore>();
        var approved = await RegisterAsync(factory.CreateClient());
        var waiting = await RegisterAsync(factory.CreateClient());
        var abandoned = new ChatClient(factory.CreateClient());
        await abandoned.StartAsync();
        await abandoned.SayAsync("1");
        await abandoned.SayAsync("đồng ý");
        await abandoned.SayAsync("0123456789");
        var abandonedId = abandoned.InternalId(store);
        var now = DateTimeOffset.UtcNow;
        var approvedDossier = store.AllDossiers().Single(d => d.ConversationId == approved.InternalId(store));
        Assert.True(await store.DecideAsync(approvedDossier.Id, VssBot.Core.Domain.Dossiers.DossierStatus.Approved, now));
        var options = new RetentionOptions { DecidedPhotoDays = 30, AbandonedDays = 30 };

        var early = await store.SweepAsync(options, now.AddDays(29));
        Assert.Equal(new RetentionSweep(0, 0), early);

        var swept = await store.SweepAsync(options, now.AddDays(31));

        Assert.Equal(new RetentionSweep(1, 1), swept);
        var after = store.FindDossier(approvedDossier.Id)!;
        Assert.Empty(after.PhotoKeys);
        Assert.All(approvedDossier.PhotoKeys, key => Assert.Null(store.Photo(key)));
        Assert.All(store.AllDossiers().Single(d => d.ConversationId == waiting.InternalId(store)).PhotoKeys, key => Assert.NotNull(store.Photo(key)));
        Assert.Null(store.FindConversation(abandonedId));
        Assert.Empty(store.Transcript(abandonedId, 0));
        Assert.NotNull(store.FindConversation(waiting.InternalId(store)));
    }

    [Fact]
    public async Task AFloodingConversationIsSlowedDownAndAnotherIsNot()
    {
        using var data = new TempFolder("flood");
        using var factory = new VssBotFactory(data.Path, new Dictionary<string, string> { ["Flood:Burst"] = "20", ["Flood:PerMinute"] = "40" });
        var flooder = new ChatClient(factory.CreateClient());
        var calm = new ChatClient(factory.CreateClient());
        await flooder.StartAsync();
        await calm.StartAsync();

        var flood = Enumerable.Range(0, 300).Select(_ => flooder.Http.PostAsJsonAsync($"/api/chat/conversations/{flooder.Id}/messages", new { text = "aaa" })).ToList();
        // Meanwhile the calm person is answered every time (SayAsync asserts 200): the flood's
        // limit is that conversation's alone. Counted, never timed.
        var calmReply = await calm.SayAsync("1");
        var calmAgain = await calm.SayAsync("trợ giúp");
        var statuses = (await Task.WhenAll(flood)).Select(r => r.StatusCode).ToList();

        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) <= 21, $"{statuses.Count(s => s == HttpStatusCode.OK)} accepted");
        Assert.True(statuses.Count(s => s == (HttpStatusCode)429) >= 279);
        var refusal = await (await flooder.Http.PostAsJsonAsync($"/api/chat/conversations/{flooder.Id}/messages", new { text = "aaa" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("nhanh quá", refusal.GetProperty("message").GetString());
        Assert.Contains("Trước khi bắt đầu", ChatClient.Text(calmReply));
        Assert.NotEmpty(ChatClient.Text(calmAgain));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task AnOperatorExportsAndThenDeletesEverythingAboutOnePerson()
    {
        using var data = new TempFolder("export");
        string id, key;
        using (var factory = new VssBotFactory(data.Path))
        {
            var chat = await RegisterAsync(factory.CreateClient());
            (id, key) = (chat.InternalId(factory.Services.GetRequiredService<LiteDbStore>()), chat.Id);
            await RegisterAsync(factory.CreateClient()); // the same person again, in a second conversation
        }

        var storeKey = File.ReadAllText(Path.Combine(data.Path, "development.key"));
        var folder = Path.Combine(data.Path, "export");
        var (exitCode, output) = await RunCommandAsync(data.Path, storeKey, "data", "export", "0123456789", folder);

        Assert.Equal(0, exitCode);
        Assert.Contains("exported 2 conversation(s) and 6 photo(s)", output);
        var json = await File.ReadAllTextAsync(Path.Combine(folder, "data.json"));
        Assert.Contains(id, json);
        Assert.DoesNotContain(key, json); // the person's web key is not kept anywhere
        Assert.Contains("Nguyen Van An", json);
        Assert.Equal(6, Directory.GetFiles(Path.Combine(folder, "photos")).Length);
        // Only the operator can read what was exported.
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.All(Directory.GetFiles(folder, "*", SearchOption.AllDirectories), f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data.Path, "development.key")));

        (exitCode, output) = await RunCommandAsync(data.Path, storeKey, "data", "delete", "0123456789");
        Assert.Equal(0, exitCode);
        Assert.Contains("deleted 2 conversation(s)", output);
        (_, output) = await RunCommandAsync(data.Path, storeKey, "data", "export", "0123456789", Path.Combine(data.Path, "again"));
        Assert.Contains("exported 0 conversation(s) and 0 photo(s)", output);
    }

    private static async Task<(int ExitCode, string Output)> RunCommandAsync(string dataDirectory, string key, params string[] words)
    {
        var output = new StringBuilder();
        using var process = VssBotProcess.Start([.. words, $"--Storage:DataDirectory={dataDirectory}", $"--Storage:Password={key}"], line => { lock (output) { output.AppendLine(line); } });
        await process.WaitForExitAsync();
        return (process.ExitCode, output.ToString());
    }
}
