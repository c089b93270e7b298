using VssBot.Core.Tests.Support;

namespace VssBot.Core.Tests.Engine;

/// <summary>The longest text a channel lets through (4,000 characters) at a place step: only
/// its first part is read, and the reply does not echo it back whole.</summary>
public sealed class LongInputTests
{
    [Fact]
    public async Task AFourThousandCharacterAddressIsAnsweredAndNotReadWhole()
    {
        var harness = await EngineHarness.StartAsync();
        foreach (var answer in new[] { "đồng ý", "0123456789", "Nguyễn Văn An", "cccd", "001090001234", "05/03/1990" })
        {
            await harness.SayAsync(answer);
        }

        Assert.Equal("province", harness.Conversation.StepId);
        var hostile = string.Join(",", Enumerable.Repeat("phường 12 quận 10 tp hcm", 200))[..4000];
        await harness.SayAsync(hostile);
        Assert.True(harness.Conversation.StepId is "province" or "ward", harness.Conversation.StepId);
        Assert.NotEmpty(harness.LastText);
        Assert.DoesNotContain(hostile[..500], harness.LastText);
    }
}
