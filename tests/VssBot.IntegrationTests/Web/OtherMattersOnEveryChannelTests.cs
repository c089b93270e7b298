using VssBot.IntegrationTests.Support;

namespace VssBot.IntegrationTests.Web;

/// <summary>
/// A question about another BHXH matter, typed as the very first message, gets the same
/// honest answer on every channel (issue 24): this assistant helps with VssID, where to ask,
/// the hotline, and a person offered; no registration starts.
/// </summary>
[Collection(SeparateProcesses.Name)]
public sealed class OtherMattersOnEveryChannelTests
{
    private const string Question = "cho tôi hỏi chế độ thai sản khi sinh con được hưởng bao nhiêu tiền vậy";

    private static void AssertHonest(string reply)
    {
        Assert.Contains("chỉ giúp về tài khoản VssID", reply);
        Assert.Contains("thai sản", reply);
        Assert.Contains("1900 9068", reply);
    }

    [Fact]
    public async Task InTheWebChat()
    {
        using var data = new TempFolder("other-web");
        await using var factory = new VssBotFactory(data.Path);
        var chat = new ChatClient(factory.CreateClient());
        await chat.StartAsync();
        var reply = await chat.SayTextAsync(Question);
        AssertHonest(reply);
        Assert.Contains("trò chuyện trực tiếp với cán bộ", reply); // the person offered
    }

    [Fact]
    public async Task OnTelegram()
    {
        await using var host = await TelegramHost.StartAsync();
        const long chat = 724001;
        var first = await host.SayAsync(chat, Question);
        await host.Api.WaitForMessageAsync(chat, 1); // the greeting of a new chat, then the answer
        var all = string.Join("\n", host.Api.To(chat).Select(m => m.Text));
        AssertHonest(all);
        Assert.DoesNotContain("Trước khi bắt đầu", all); // no registration started
        Assert.NotNull(first);
    }

    [Fact]
    public async Task OnZalo()
    {
        await using var host = await ZaloHost.StartAsync();
        const string user = "4783512093847561999001";
        await host.SayAsync(user, Question);
        await host.Api.WaitForMessageAsync(user, 1); // the greeting of a new chat, then the answer
        var all = string.Join("\n", host.Api.To(user).Select(m => FakeZaloApi.TextOf(m.Message)));
        AssertHonest(all);
        Assert.DoesNotContain("Trước khi bắt đầu", all);
    }
}
