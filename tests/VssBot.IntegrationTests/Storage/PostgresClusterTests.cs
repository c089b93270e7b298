using System.Net;
using System.Text.Json;
using VssBot.IntegrationTests.Support;
using VssBot.Storage.Postgres;

namespace VssBot.IntegrationTests.Storage;

/// <summary>Three VssBot processes on one PostgreSQL; fifty citizens whose messages go to the
/// instances in turn; one instance killed (SIGKILL) halfway. Nothing acknowledged is lost, no
/// answer is kept twice, every citizen has exactly one dossier with its photos.</summary>
[Collection(SeparateProcesses.Name)]
public sealed class PostgresClusterTests
{
    private const string Photo = "[Ảnh]";
    private const int Citizens = 50;

    private static readonly string[] Script = [.. ChatClient.AnswersToPhotos, Photo, Photo, Photo, "Đống Đa", "Gửi hồ sơ"];

    [Fact]
    public async Task FiftyCitizensOnThreeInstancesLoseNothingWhenOneIsKilledHalfway()
    {
        await using var postgres = await PostgresServer.StartAsync();
        string[] settings = ["--Storage:Provider=PostgreSQL", $"--Storage:ConnectionString={postgres.ConnectionString}"];
        using var folders = new TempFolder("pg-cluster");
        var instances = await Task.WhenAll(Enumerable.Range(0, 3).Select(i =>
            VssBotProcess.StartAsync(Directory.CreateDirectory(Path.Combine(folders.Path, $"i{i}")).FullName, settings)));
        try
        {
            var alive = new[] { true, true, true };
            var acknowledged = 0;
            var cutOff = 0;
            var inFlight = new int[3];
            var half = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var photo = TestImages.Jpeg();

            // A citizen's message, sent to the instance whose turn it is, or the next one alive.
            // When the answer never came (the instance died), the citizen looks at the
            // conversation on another instance, as the web chat does when it reloads, and sends
            // again only what is not there.
            async Task Say(string key, int citizen, int step, string answer, int kept)
            {
                for (var attempt = 0; attempt < 200; attempt++)
                {
                    var chosen = Next(alive, citizen + step + attempt);
                    var instance = instances[chosen];
                    try
                    {
                        Interlocked.Increment(ref inFlight[chosen]);
                        using var response = await SendAsync(instance, ChatClient.Request(key, answer, photo, Photo), () => Interlocked.Decrement(ref inFlight[chosen]));
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            if (Interlocked.Increment(ref acknowledged) == Citizens * Script.Length / 2)
                            {
                                half.TrySetResult();
                            }

                            return;
                        }

                        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, // busy with photos: again
                            $"{response.StatusCode}: {instance.Output[Math.Max(0, instance.Output.Length - 3000)..]}");
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        Interlocked.Increment(ref cutOff);
                        if (await KeptAsync(instances[Next(alive, citizen + step + attempt + 1)], key) > kept)
                        {
                            return; // it was kept before the instance died
                        }
                    }
                }

                Assert.Fail($"citizen {citizen} could not say “{answer}”");
            }

            async Task<string> Citizen(int citizen)
            {
                var key = await new ChatClient(instances[citizen % 2].Http).StartAsync();
                for (var step = 0; step < Script.Length; step++)
                {
                    await Say(key, citizen, step, Script[step], step);
                }

                return key;
            }

            var citizens = Task.WhenAll(Enumerable.Range(0, Citizens).Select(i => Task.Run(() => Citizen(i))));
            await Task.WhenAny(half.Task, citizens).WaitAsync(TimeSpan.FromMinutes(3));
            Assert.False(citizens.IsFaulted, citizens.Exception?.ToString());
            // Killed with messages in flight on it; only then do the citizens stop choosing it.
            await Poll.UntilAsync(() => Volatile.Read(ref inFlight[2]) > 0, TimeSpan.FromSeconds(30), "nothing in flight on the third instance");
            instances[2].Kill();
            alive[2] = false;
            var keys = await citizens.WaitAsync(TimeSpan.FromMinutes(5));
            Assert.True(cutOff > 0, "the kill cut no citizen off");

            // Everything as the citizens sent it, once, each answered: read through an instance that lived.
            foreach (var key in keys)
            {
                var messages = await new ChatClient(instances[0].Http).Resume(key).MessagesAsync();
                Assert.Equal(Script, UserMessages(messages));
                var seqs = messages.Select(m => m.GetProperty("seq").GetInt32()).ToList();
                Assert.Equal(Enumerable.Range(1, seqs.Count), seqs);
                var from = messages.Select(m => m.GetProperty("from").GetString()).ToList();
                for (var i = 0; i < from.Count; i++)
                {
                    Assert.True(from[i] != "user" || (i + 1 < from.Count && from[i + 1] == "bot"), $"{key}: message {seqs[i]} has no answer");
                }
            }

            using var store = await PostgresStore.OpenAsync(postgres.ConnectionString, VssBotProcess.TestKey);
            var dossiers = store.AllDossiers();
            var conversations = keys.Select(k => store.LinkedConversation(VssBot.Web.WebKey.LinkId(k))).ToList();
            Assert.All(conversations, id => Assert.Single(dossiers, d => d.ConversationId == id));
            Assert.Equal(Citizens, dossiers.Count);
            Assert.All(dossiers, d =>
            {
                Assert.Equal(3, d.PhotoKeys.Count);
                Assert.All(d.PhotoKeys, photoKey => Assert.NotNull(store.Photo(photoKey)));
            });
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    // How many messages the conversation holds, read through another instance (-1 if that one is going too).
    private static async Task<int> KeptAsync(VssBotProcess instance, string key)
    {
        try
        {
            return UserMessages(await new ChatClient(instance.Http).Resume(key).MessagesAsync()).Count;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return -1;
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(VssBotProcess instance, HttpRequestMessage request, Action done)
    {
        try
        {
            return await instance.Http.SendAsync(request);
        }
        finally
        {
            done();
        }
    }

    private static int Next(bool[] alive, int from)
    {
        for (var i = 0; ; i++)
        {
            if (alive[(from + i) % alive.Length])
            {
                return (from + i) % alive.Length;
            }
        }
    }

    private static List<string> UserMessages(JsonElement[] messages) =>
        messages.Where(m => m.GetProperty("from").GetString() == "user").Select(m => m.GetProperty("text").GetString()!).ToList();
}
