namespace VssBot.Web;

// The web-chat HTTP API's bodies. Other tools rely on these names: extend, never rename.
public sealed record CreatedConversation(string ConversationId);

public sealed record TextMessage(string? Text);

public sealed record ReplyBody(string Text, IReadOnlyList<string> Choices, string Expects);

public sealed record RepliesBody(IReadOnlyList<ReplyBody> Replies);

/// <summary>A transcript message; <see cref="Photo"/> (an extension) is the address of a photo a
/// staff member sent, null otherwise.</summary>
public sealed record MessageBody(int Seq, string From, string Text, IReadOnlyList<string> Choices, string Expects, string? Photo = null);

public sealed record MessagesBody(IReadOnlyList<MessageBody> Messages);

public sealed record ErrorBody(string Error, string Message);
