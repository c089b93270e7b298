using System.Text.Json.Serialization;

namespace VssBot.Core.Engine;

/// <summary>Who wrote a transcript entry (<see cref="TranscriptEntry.From"/>). Stored, and shown
/// by the web-chat API ("from"), as the words "user", "bot" and "staff".</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Sender>))]
public enum Sender
{
    [JsonStringEnumMemberName("user")]
    User,

    [JsonStringEnumMemberName("bot")]
    Bot,

    [JsonStringEnumMemberName("staff")]
    Staff,
}

public static class SenderWords
{
    /// <summary>The stored word: "user", "bot" or "staff".</summary>
    public static string Word(this Sender sender) => sender switch
    {
        Sender.User => "user",
        Sender.Bot => "bot",
        _ => "staff",
    };
}
