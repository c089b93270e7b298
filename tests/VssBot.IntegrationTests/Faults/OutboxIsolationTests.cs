using VssBot.IntegrationTests.Support;
using static VssBot.IntegrationTests.Support.FakeZaloApi;

namespace VssBot.IntegrationTests.Faults;

/// <summary>
/// One person's sends fail (the connection to the platform drops for that recipient only, as
/// when a route or a phone's account misbehaves): everybody else is answered meanwhile, the
/// failing message is tried again with its own backoff, and goes out once the path is back.
/// Counted, not timed: when the others are answered, the failing send has been tried at most
/// three times (its backoff: about 2 s, then 4 s); the old drain retried it inside the round,
/// with the HTTP pipeline's retries inside that, while every other address waited (more than
/// the 15 s the others' answers are waited for).
/// </summary>
public sealed class OutboxIsolationTests
{
    private const string Failing = "7100000000000000000001";
    private static readonly string[] Others = ["7100000000000000000002", "7100000000000000000003", "7100000000000000000004"];

    [Fact]
    public async Task OnZaloOneRecipientsDroppedConnectionsDelayNobodyElseAndTheirMessageArrivesLater()
    {
        await using var host = await ZaloHost.StartAsync();
        foreach (var user in Others.Prepend(Failing))
        {
            await host.SendAsync(Follow(user));
        }

        host.Api.DropConnections.Add(Failing);
        var before = host.Api.To(Failing).Count;
        Assert.Equal(System.Net.HttpStatusCode.OK, (await PostAsync(host.Http, Text(Failing, "1"))).StatusCode);
        await Poll.UntilAsync(() => host.Api.Dropped(Failing) >= 1, TimeSpan.FromSeconds(30), "the failing recipient's message was never tried");

        foreach (var user in Others)
        {
            Assert.Contains("Trước khi bắt đầu", TextOf(await host.SayAsync(user, "1")));
        }

        var triesMeanwhile = host.Api.Dropped(Failing);
        Assert.True(triesMeanwhile <= 3, $"the others waited behind {triesMeanwhile} tries of one failing recipient");
        Assert.Equal(before, host.Api.To(Failing).Count);

        // The path comes back: the message goes out on a later try, in its place.
        host.Api.DropConnections.Remove(Failing);
        var arrived = await host.Api.WaitForMessageAsync(Failing, before, TimeSpan.FromSeconds(60));
        Assert.Contains("Trước khi bắt đầu", TextOf(arrived));
        Assert.Contains("Bước 1", TextOf(await host.SayAsync(Failing, "Tôi đồng ý")));
    }

    [Fact]
    public async Task OnTelegramOneChatsDroppedConnectionsDelayNobodyElseAndTheirMessageArrivesLater()
    {
        await using var host = await TelegramHost.StartAsync();
        const long failing = 750001;
        long[] others = [750002, 750003, 750004];
        foreach (var chat in others.Prepend(failing))
        {
            await host.SayAsync(chat, "/start");
        }

        host.Api.DropConnections[failing] = 0;
        var before = host.Api.To(failing).Count;
        host.Api.SendText(failing, "1");
        await Poll.UntilAsync(() => host.Api.DropConnections[failing] >= 1, TimeSpan.FromSeconds(30), "the failing chat's message was never tried");

        foreach (var chat in others)
        {
            Assert.Contains("Trước khi bắt đầu", (await host.SayAsync(chat, "1")).Text);
        }

        var triesMeanwhile = host.Api.DropConnections[failing];
        Assert.True(triesMeanwhile <= 3, $"the others waited behind {triesMeanwhile} tries of one failing chat");
        Assert.Equal(before, host.Api.To(failing).Count);

        host.Api.DropConnections.TryRemove(failing, out _);
        Assert.Contains("Trước khi bắt đầu", (await host.Api.WaitForMessageAsync(failing, before, TimeSpan.FromSeconds(60))).Text);
    }
}
