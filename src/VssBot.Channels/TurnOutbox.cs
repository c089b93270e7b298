using VssBot.Core.Conversations;
using VssBot.Core.Engine;

namespace VssBot.Channels;

/// <summary>
/// A turn's replies as a channel's outbox messages: the bot's and staff's texts joined into one
/// message (split only past the channel's limit, at paragraph, then sentence boundaries), the
/// last reply's buttons on the last part, a staff photo with it, and each document as its own
/// message.
/// </summary>
public static class TurnOutbox
{
    public static IEnumerable<OutboxMessage> Replies(string channel, TurnResult turn, string address, DateTimeOffset now, int maxText, string? photoTip = null, string? replyTo = null)
    {
        var replies = turn.Transcript.Where(t => t.From is Sender.Bot or Sender.Staff).ToList();
        if (replies.Count == 0)
        {
            yield break;
        }

        var lastReply = replies[^1];
        var staffName = turn.Conversation.Handoff?.StaffName;
        var text = string.Join("\n\n", replies.Select(r => r.From == Sender.Staff ? $"👤 {staffName}: {r.Text}" : r.Text));
        if (photoTip is not null && lastReply.Expects == Expects.Photo)
        {
            text += "\n\n" + photoTip;
        }

        var parts = Split(text, maxText);
        for (var p = 0; p < parts.Count; p++)
        {
            var isLast = p == parts.Count - 1;
            yield return new OutboxMessage
            {
                Id = $"{channel}:{turn.Conversation.Id}:{lastReply.Seq:D6}:{p}",
                Channel = channel,
                Address = address,
                ConversationId = turn.Conversation.Id,
                Seq = lastReply.Seq,
                Text = parts[p],
                PhotoKey = isLast ? replies.LastOrDefault(r => r.From == Sender.Staff && r.PhotoKey is not null)?.PhotoKey : null,
                Choices = isLast ? [.. lastReply.Choices] : [],
                Expects = isLast ? lastReply.Expects : Expects.None,
                ReplyTo = replyTo,
                CreatedAt = now,
            };
        }
    }

    /// <summary>Documents the turn's replies carry, each as its own message with its caption.</summary>
    public static IEnumerable<OutboxMessage> Files(string channel, TurnResult turn, string address, DateTimeOffset now, int maxCaption) =>
        turn.Transcript.Where(t => t.FileRef is not null).Select(t => new OutboxMessage
        {
            Id = $"{channel}:{turn.Conversation.Id}:{t.Seq:D6}:file",
            Channel = channel,
            Address = address,
            ConversationId = turn.Conversation.Id,
            Seq = t.Seq,
            Text = t.Text.Length <= maxCaption ? t.Text : "",
            FileRef = t.FileRef,
            CreatedAt = now.AddTicks(1),
        });

    /// <summary>Parts of at most <paramref name="max"/> characters, cut at a paragraph, else
    /// after a sentence, else at a space, else anywhere.</summary>
    public static List<string> Split(string text, int max)
    {
        var parts = new List<string>();
        while (text.Length > max)
        {
            var cut = text.LastIndexOf("\n\n", max, StringComparison.Ordinal);
            if (cut <= 0)
            {
                cut = new[] { ". ", "! ", "? ", "\n" }.Select(end => text.LastIndexOf(end, max - 1, StringComparison.Ordinal)).Max();
                cut = cut > 0 ? cut + 1 : text.LastIndexOf(' ', max - 1);
            }

            cut = cut <= 0 ? max : cut;
            parts.Add(text[..cut].TrimEnd());
            text = text[cut..].TrimStart('\n', ' ');
        }

        parts.Add(text);
        return parts;
    }
}
