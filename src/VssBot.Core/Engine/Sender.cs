namespace VssBot.Core.Engine;

/// <summary>Who wrote a transcript entry (<see cref="TranscriptEntry.From"/>): the values are
/// stored and shown by the web-chat API ("from"), so they stay these words.</summary>
public static class Sender
{
    public const string User = "user";
    public const string Bot = "bot";
    public const string Staff = "staff";
}
