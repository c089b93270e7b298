using VssBot.IntegrationTests.Support;
using static VssBot.IntegrationTests.Support.FakeZaloApi;

namespace VssBot.IntegrationTests.Zalo;

/// <summary>The real process killed (SIGKILL) while Zalo refuses to take messages (-32): after a
/// restart exactly the replies owed are delivered, once each, in order.</summary>
[Collection(SeparateProcesses.Name)]
public sealed class ZaloCrashTests
{
    private const string User = "4783512093847561000009";

    [Fact]
    public async Task RepliesQueuedAtAKillAreDeliveredExactlyOnceAfterTheRestart()
    {
        await using var api = await StartAsync();
        using var data = new TempFolder("zalo-crash");
        var settings = api.Settings().Select(s => $"--{s.Key}={s.Value}").ToArray();
        api.Refuse32Count = int.MaxValue;
        var server = await VssBotProcess.StartAsync(data.Path, settings);
        var port = server.Port;
        foreach (var e in new[] { Follow(User), Text(User, "1"), Text(User, "không đồng ý"), Text(User, "menu") })
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, (await PostAsync(server.Http, e)).StatusCode);
        }

        // Zalo has been asked at least once (and refused): replies are queued, none delivered.
        await Poll.UntilAsync(() => api.Refuse32Count != int.MaxValue, TimeSpan.FromSeconds(15), "VssBot never tried to send");

        server.Kill();
        await server.DisposeAsync();
        Assert.Empty(api.To(User));

        api.Refuse32Count = 0;
        await using var again = await VssBotProcess.StartAsync(data.Path, port, settings);
        var greeting = await api.WaitForMessageAsync(User, 0, TimeSpan.FromSeconds(30));
        var consent = await api.WaitForMessageAsync(User, 1, TimeSpan.FromSeconds(30));
        var declined = await api.WaitForMessageAsync(User, 2, TimeSpan.FromSeconds(30));
        var menu = await api.WaitForMessageAsync(User, 3, TimeSpan.FromSeconds(30));
        Assert.Contains("Xin chào", TextOf(greeting));
        Assert.Contains("Trước khi bắt đầu", TextOf(consent));
        Assert.Contains("1. ", TextOf(menu));
        Assert.NotEqual(TextOf(consent), TextOf(declined));

        // Once each: a later message's answer is the next one, nothing repeated before it.
        await PostAsync(again.Http, Text(User, "trợ giúp"));
        await api.WaitForMessageAsync(User, 4, TimeSpan.FromSeconds(30));
        Assert.Equal(5, api.To(User).Count);
    }

    [Fact]
    public async Task AnOperatorStoresANewTokenPairAndTheServerUsesIt()
    {
        await using var api = await StartAsync();
        using var data = new TempFolder("zalo-token");
        var settings = api.Settings().Select(s => $"--{s.Key}={s.Value}").ToArray();
        var (access, refresh) = api.Reauthorise(); // the configured pair no longer works

        var output = new System.Text.StringBuilder();
        using (var set = VssBotProcess.Start(["zalo", "token", "set", $"--Storage:DataDirectory={data.Path}", $"--Storage:Password={VssBotProcess.TestKey}", .. settings],
                   line => { lock (output) { output.AppendLine(line); } }, input: access + "\n" + refresh))
        {
            await set.WaitForExitAsync();
            Assert.True(set.ExitCode == 0, output.ToString());
        }

        Assert.DoesNotContain(access, output.ToString()); // tokens are read, never echoed
        await using var server = await VssBotProcess.StartAsync(data.Path, settings);
        await PostAsync(server.Http, Follow(User));
        Assert.Contains("Xin chào", TextOf(await api.WaitForMessageAsync(User, 0)));
        Assert.Equal(0, api.Refreshes);
        Assert.Equal(0, api.RefusedRefreshes);
    }
}
