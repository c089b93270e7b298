using VssBot.Core.Engine;
using System.Net;
using System.Text;
using VssBot.IntegrationTests.Support;
using VssBot.Storage.Postgres;

namespace VssBot.IntegrationTests.Storage;

/// <summary>Telegram's webhook behind a load balancer: one chat's updates land on two
/// instances in turn, and still run in the chat's order, answered in that order, once.</summary>
[Collection(SeparateProcesses.Name)]
public sealed class PostgresWebhookTests
{
    private const string Secret = "s3cret-for-tests";

    private static readonly string[] Script = ["/start", "1", "đồng ý", "DN4010123456789", "nguyen van an", "cccd", "001090001234", "05/03/1990", "ha noi"];

    [Fact]
    public async Task UpdatesOfOneChatSpreadOverTwoInstancesKeepTheirOrder()
    {
        await using var postgres = await PostgresServer.StartAsync();
        await using var api = await FakeBotApi.StartAsync();
        string[] settings =
        [
            "--Storage:Provider=PostgreSQL", $"--Storage:ConnectionString={postgres.ConnectionString}",
            .. TelegramHost.Settings(api.Url).Select(s => $"--{s.Key}={s.Value}"),
            "--Telegram:WebhookUrl=https://vssbot.example/telegram/webhook", $"--Telegram:WebhookSecret={Secret}",
        ];
        using var a = new TempFolder("pg-hook-a");
        using var b = new TempFolder("pg-hook-b");
        await using var first = await VssBotProcess.StartAsync(a.Path, settings);
        await using var second = await VssBotProcess.StartAsync(b.Path, settings);
        var instances = new[] { first, second };

        // Six chats at once; each chat's updates go to the instances in turn, the next one as
        // soon as the last was acknowledged (as Telegram does), without waiting for answers.
        var chats = Enumerable.Range(0, 6).Select(i => 750001L + i).ToArray();
        await Task.WhenAll(chats.Select(async (chat, c) =>
        {
            for (var i = 0; i < Script.Length; i++)
            {
                var update = api.SendText(chat, Script[i]);
                using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook")
                {
                    Content = new StringContent(api.UpdateJson(update), Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
                Assert.Equal(HttpStatusCode.OK, (await instances[(c + i) % 2].Http.SendAsync(request)).StatusCode);
            }
        }));

        foreach (var chat in chats)
        {
            await api.WaitForMessageAsync(chat, Script.Length - 1, TimeSpan.FromSeconds(60));
        }

        using var store = await PostgresStore.OpenAsync(postgres.ConnectionString, VssBotProcess.TestKey);
        foreach (var chat in chats)
        {
            // Heard in the order sent, each once; answered in the order heard, each once.
            var id = store.LinkedConversation($"telegram:{chat}")!;
            var transcript = store.Transcript(id, 0);
            Assert.Equal(Script[1..], transcript.Where(t => t.From == Sender.User).Select(t => t.Text)); // "/start" opens it
            var sent = api.To(chat).Select(m => m.Text).ToList();
            Assert.Equal(Script.Length, sent.Count);
            var firstAnswers = transcript.Where((t, i) => t.From == Sender.Bot && (i == 0 || transcript[i - 1].From == Sender.User)).Select(t => t.Text).ToList();
            Assert.Equal(Script.Length, firstAnswers.Count);
            for (var i = 0; i < sent.Count; i++)
            {
                Assert.StartsWith(firstAnswers[i].Split('\n')[0].Replace("**", "", StringComparison.Ordinal)[..10], sent[i]);
            }
        }
    }
}
