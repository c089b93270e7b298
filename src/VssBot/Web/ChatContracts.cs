namespace VssBot.Web;

// The web-chat HTTP API's bodies. Other tools rely on these names: extend, never rename.
public sealed record CreatedConversation(string ConversationId);

public sealed record TextMessage(string? Text);

/// <summary>The optional body of a new conversation: the invite link's unit token.</summary>
public sealed record NewConversation(string? Unit);

public sealed record ReplyBody(string Text, IReadOnlyList<string> Choices, string Expects, FileBody? File = null);

/// <summary>A document a message carries (an extension): its name, where to fetch it, its type.</summary>
public sealed record FileBody(string Name, string Url, string Type);

public sealed record RepliesBody(IReadOnlyList<ReplyBody> Replies);

/// <summary>A transcript message; <see cref="Photo"/> (an extension) is the address of a photo a
/// staff member sent, null otherwise.</summary>
public sealed record MessageBody(int Seq, string From, string Text, IReadOnlyList<string> Choices, string Expects, string? Photo = null, FileBody? File = null);

public sealed record MessagesBody(IReadOnlyList<MessageBody> Messages);

