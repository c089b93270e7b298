using VssBot.Core.Conversations;

namespace VssBot.Documents;

/// <summary>Form 01 for the channels that send it as a file (Telegram's sendDocument).</summary>
public sealed class FormDocuments(Form01 form, IConversationStore store) : IDocumentSource
{
    public (string Name, string ContentType, byte[] Bytes)? Open(string fileRef, string conversationId) =>
        Form01.Open(fileRef, conversationId, store) is { } dossier ? (Form01.FileName(dossier), Form01.ContentType, form.Draw(dossier)) : null;
}
