using System.Text.Json;
using VssBot.Core.Engine;

namespace VssBot.Core.Tests.Engine;

/// <summary>Senders are stored as the words they always were: transcripts written before the
/// enum read back, and what is written now reads in older code.</summary>
public sealed class SenderTests
{
    [Theory]
    [InlineData("user", Sender.User)]
    [InlineData("bot", Sender.Bot)]
    [InlineData("staff", Sender.Staff)]
    public void TheStoredWordRoundTrips(string word, Sender sender)
    {
        var stored = $$"""{"ConversationId":"c1","Seq":3,"From":"{{word}}","Text":"xin chào"}""";
        Assert.Equal(sender, JsonSerializer.Deserialize<TranscriptEntry>(stored)!.From);
        Assert.Contains($"\"From\":\"{word}\"", JsonSerializer.Serialize(new TranscriptEntry { From = sender }));
        Assert.Equal(word, sender.Word());
    }
}
