namespace VssBot.Core.Engine;

/// <summary>One message of a conversation's transcript, user's, bot's or staff's.</summary>
public sealed class TranscriptEntry
{
    public string ConversationId { get; set; } = "";
    public int Seq { get; set; }
    public Sender From { get; set; }
    public string Text { get; set; } = "";
    public List<string> Choices { get; set; } = [];
    public string Expects { get; set; } = Engine.Expects.None;
    public string? PhotoKey { get; set; }

    /// <summary>A document the message carries (form 01: "form01:{dossier}"), drawn when fetched.</summary>
    public string? FileRef { get; set; }
    public DateTimeOffset At { get; set; }
}
