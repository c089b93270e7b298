using Microsoft.Extensions.Options;
using VssBot.Core.Conversations;
using VssBot.Core.Engine;

namespace VssBot.Channels.Telegram;

/// <summary>
/// Mirrors handed-off conversations, from any channel, into the staff group's forum
/// topics: what the person says, what the bot says, what console staff reply. Written to
/// the outbox in the turn's own commit; the sender makes the topic on first use.
/// </summary>
internal sealed partial class TelegramStaffMirror(IOptions<TelegramOptions> options, DialogContent content, TimeProvider clock) : ITurnHook
{
    public void BeforeCommit(TurnResult turn)
    {
        var c = turn.Conversation;
        if (!options.Value.StaffGroup || (c.Handoff is null && !turn.HandoffChanged) || turn.Transcript.Count == 0)
        {
            return;
        }

        // Staff who answer from the group already see their own words in the topic.
        var fromGroup = c.Handoff?.Staff?.StartsWith(TelegramStaffGroup.StaffPrefix, StringComparison.Ordinal) == true;
        var lines = turn.Transcript
            .Where(t => !(t.From == Sender.Staff && fromGroup))
            .Select(t => t.From switch
            {
                Sender.User => $"🙋 {t.Text}",
                Sender.Staff => $"👤 {c.Handoff?.StaffName}: {t.Text}",
                _ => $"🤖 {t.Text}",
            })
            .ToList();
        if (turn.HandoffChanged && c.Handoff is { State: HandoffState.Waiting, Staff: null })
        {
            lines.Insert(0, Summary(c));
        }

        if (lines.Count == 0)
        {
            return;
        }

        turn.Outbox.Add(new OutboxMessage
        {
            Id = $"{TelegramChannel.Name}-staff:{c.Id}:{turn.Transcript[^1].Seq:D6}",
            Channel = TelegramChannel.Name,
            Address = TelegramTopics.Address(options.Value.StaffChatId!),
            ConversationId = c.Id,
            Seq = turn.Transcript[^1].Seq,
            Text = Truncate(string.Join("\n\n", lines)),
            CreatedAt = clock.GetUtcNow(),
        });
    }

    /// <summary>What staff need first: who, which office, what was answered, how to act.</summary>
    private string Summary(Conversation c)
    {
        var office = c.Handoff?.OfficeId is { } id ? content.Offices.Find(id)?.Name : null;
        var answers = content.Dialogs.Values.SelectMany(d => d.Steps)
            .Where(s => s.Label is not null && c.Answers.ContainsKey(s.Id))
            .DistinctBy(s => s.Id)
            .Select(s => $"• {s.Label}: {MaskNumbers(c.Answers[s.Id].Display)}");
        return content.Texts.Format("telegram_topic_summary", ("channel", c.Channel), ("office", office is null ? "" : ", " + office), ("answers", string.Join('\n', answers)));
    }

    /// <summary>ID numbers, BHXH codes and card numbers in the summary show their last four
    /// digits only: the group is a chat, read on phones.</summary>
    public static string MaskNumbers(string text) => LongNumber().Replace(text, m =>
    {
        var digits = m.Value.Count(char.IsAsciiDigit);
        return new string('•', digits - 4) + new string([.. m.Value.Where(char.IsAsciiDigit).TakeLast(4)]);
    });

    [System.Text.RegularExpressions.GeneratedRegex(@"[A-Z]{0,3}\d{8,}")]
    private static partial System.Text.RegularExpressions.Regex LongNumber();

    private static string Truncate(string text) => text.Length <= 4000 ? text : text[..3990] + "…";
}
