using VssBot.Core.Engine;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VssBot.IntegrationTests.Support;
using VssBot.Storage;

namespace VssBot.IntegrationTests.Hosting;

[Collection(SeparateProcesses.Name)]
public sealed class CrashTests
{
    private const string Photo = "[photo]";
    private const int Kills = 3;
    private const int MaxRounds = 40;

    private static readonly string[] Script =
    [
        "1", "đồng ý", "DN4010123456789", "nguyen van an", "cccd", "001090001234", "05/03/1990", "ha noi", "ba dinh",
        "so 12 cau dien", "0912 345 678", "bỏ qua", Photo, Photo, Photo, "Đống Đa", "Gửi hồ sơ",
    ];

    [Fact]
    public async Task KilledAtRandomMomentsVssBotLosesNoAcknowledgedAnswerOrPhotoAndMakesNoDossierTwice()
    {
        using var data = new TempFolder("crash");
        var server = await VssBotProcess.StartAsync(data.Path);
        var port = server.Port; // restarts come back on it, as an operator's would
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) };
        var photo = TestImages.Jpeg();
        var random = new Random(20261124);
        var acknowledged = new Dictionary<string, List<string>>();
        var running = true;
        var kills = 0;

        // Events, not pauses: "up" completes when the server is back after a kill; "progress"
        // fires on every acknowledged answer (the killer counts them to pick its moment).
        var up = Completed();
        var progress = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var acknowledgedCount = 0;

        void Acknowledged()
        {
            Interlocked.Increment(ref acknowledgedCount);
            Interlocked.Exchange(ref progress, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }

        async Task<HttpResponseMessage?> Send(Func<HttpRequestMessage> request)
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                var serverUp = Volatile.Read(ref up).Task;
                try
                {
                    var response = await http.SendAsync(request());
                    if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                    {
                        return response;
                    }

                    // Busy with photos: send again once someone else got an answer (or nobody did for a while).
                    try
                    {
                        await Volatile.Read(ref progress).Task.WaitAsync(TimeSpan.FromSeconds(5));
                    }
                    catch (TimeoutException)
                    {
                        // Nobody else is being answered either: try again.
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // The server is down: a person would wait and send again, once it is back.
                    await serverUp.WaitAsync(TimeSpan.FromSeconds(60));
                }
            }

            return null;
        }

        async Task Citizen()
        {
            var created = await Send(() => new HttpRequestMessage(HttpMethod.Post, "/api/chat/conversations"));
            var id = (await created!.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString()!;
            var mine = new List<string>();
            lock (acknowledged)
            {
                acknowledged[id] = mine;
            }

            // Registration after registration until the killer is done.
            for (var round = 0; round < MaxRounds && (round < 2 || Volatile.Read(ref kills) < Kills); round++)
            {
                foreach (var answer in round == 0 ? Script : Script.Prepend("Về menu chính"))
                {
                    var response = await Send(() => ChatClient.Request(id, answer, photo, Photo));
                    if (response?.StatusCode == HttpStatusCode.OK)
                    {
                        lock (mine)
                        {
                            mine.Add(answer == Photo ? "[Ảnh]" : answer);
                        }

                        Acknowledged();
                    }
                }
            }
        }

        var citizens = Enumerable.Range(0, 12).Select(_ => Task.Run(Citizen)).ToList();
        var allDone = Task.WhenAll(citizens);
        var killer = Task.Run(async () =>
        {
            while (running && kills < Kills)
            {
                // A random moment, counted in answers the citizens got: 20 to 60 after the last start.
                var target = Volatile.Read(ref acknowledgedCount) + random.Next(20, 60);
                while (running && Volatile.Read(ref acknowledgedCount) < target && !allDone.IsCompleted)
                {
                    await Task.WhenAny(Volatile.Read(ref progress).Task, allDone);
                }

                if (!running || allDone.IsCompleted)
                {
                    break;
                }

                var back = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Volatile.Write(ref up, back);
                server.Kill();
                await server.DisposeAsync();
                Interlocked.Increment(ref kills);
                server = await VssBotProcess.StartAsync(data.Path, port);
                back.SetResult();
            }
        });
        await allDone;
        running = false;
        await killer;
        await server.DisposeAsync();

        Assert.Equal(Kills, kills);
        using var factory = new VssBotFactory(data.Path, new Dictionary<string, string> { ["Storage:Password"] = VssBotProcess.TestKey });
        var store = factory.Services.GetRequiredService<LiteDbStore>();
        var dossiers = store.AllDossiers();
        Assert.Equal(dossiers.Count, dossiers.Select(d => d.Id).Distinct().Count());
        foreach (var (key, sent) in acknowledged)
        {
            var id = store.LinkedConversation(VssBot.Web.WebKey.LinkId(key))!;
            // Every acknowledged message is in the transcript, in the order it was sent.
            var heard = store.Transcript(id, 0).Where(t => t.From == Sender.User).Select(t => t.Text).ToList();
            var position = 0;
            foreach (var message in sent)
            {
                position = heard.IndexOf(message, position);
                Assert.True(position >= 0, $"{id}: acknowledged “{message}” is not in the transcript");
                position++;
            }

            // One dossier at most for each "Gửi hồ sơ" the citizen saw acknowledged or lost.
            var submits = sent.Count(m => m == "Gửi hồ sơ") + 1;
            Assert.True(dossiers.Count(d => d.ConversationId == id) <= submits, $"{id} has {dossiers.Count(d => d.ConversationId == id)} dossiers for {submits - 1} acknowledged submissions");
            var conversation = store.FindConversation(id)!;
            foreach (var answer in conversation.Answers.Values.Where(a => a.Value.StartsWith(id + "/")))
            {
                Assert.NotNull(store.Photo(answer.Value));
            }
        }

        Assert.All(dossiers, d => Assert.All(d.PhotoKeys, key => Assert.NotNull(store.Photo(key))));
        Assert.True(dossiers.Count >= 24, $"only {dossiers.Count} registrations completed");
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        done.SetResult();
        return done;
    }
}
