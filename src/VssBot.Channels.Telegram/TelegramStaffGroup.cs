using System.Text.Json;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using VssBot.Core.Conversations;
using VssBot.Core.Engine;

namespace VssBot.Channels.Telegram;

/// <summary>
/// Messages in the staff group's topics: /claim, /release, /close act on the topic's
/// conversation as the Telegram user who wrote them; other text, once claimed, is their
/// reply to the person. Anyone in the staff group is staff.
/// </summary>
internal sealed class TelegramStaffGroup(ConversationService conversations, IChannelStore store, IOptions<TelegramOptions> options, TimeProvider clock)
{
    public const string StaffPrefix = "tg:";

    public bool IsStaffChat(string chat) => options.Value.StaffGroup && chat == options.Value.StaffChatId;

    public async Task HandleAsync(ChannelUpdate record)
    {
        var update = JsonSerializer.Deserialize<Update>(record.Payload, JsonBotAPI.Options)!;
        var message = update.Message;
        if (message?.Text is { } text && message.MessageThreadId is { } thread && message.From is { } from
            && store.ConversationOfTopic(thread) is { } topic)
        {
            var command = text.Split(' ', '@')[0].ToLowerInvariant();
            var action = command switch
            {
                "/claim" => StaffAction.Claim,
                "/release" => StaffAction.Release,
                "/close" => StaffAction.Close,
                _ => StaffAction.Say,
            };
            var name = string.Join(' ', new[] { from.FirstName, from.LastName }.Where(n => !string.IsNullOrEmpty(n)));
            try
            {
                await conversations.StaffAsync(topic.Id, action, StaffPrefix + from.Id, name, action == StaffAction.Say ? text : null);
            }
            catch (StaffActionRefusedException)
            {
                await store.EnqueueAsync(Notice(topic.Id, record.Number,
                    action == StaffAction.Say ? "⚠️ Gõ /claim để nhận cuộc trò chuyện trước khi trả lời." : $"⚠️ Không thực hiện được {command}: cuộc trò chuyện đã thay đổi."));
            }
        }

        await store.MarkHandledAsync(record.Id);
    }

    private OutboxMessage Notice(string conversationId, long number, string text) => new()
    {
        Id = $"{TelegramChannel.Name}-staff:{conversationId}:notice-{number}",
        Channel = TelegramChannel.Name,
        Address = options.Value.StaffChatId!,
        ConversationId = conversationId,
        ToStaffTopic = true,
        Text = text,
        CreatedAt = clock.GetUtcNow(),
    };
}
