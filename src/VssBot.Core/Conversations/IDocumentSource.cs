namespace VssBot.Core.Conversations;

/// <summary>Draws the documents messages carry (form 01) for a channel to send.</summary>
public interface IDocumentSource
{
    /// <summary>The document a file reference names, if it belongs to the conversation and
    /// still exists.</summary>
    (string Name, string ContentType, byte[] Bytes)? Open(string fileRef, string conversationId);
}
