using System.Text.Json;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using VssBot.Core.Conversations;
using VssBot.Core.Engine;
using VssBot.Core.Staff;

namespace VssBot.Channels.Telegram;

/// <summary>
/// Messages in the staff group's topics: /claim, /release, /close act on the topic's
/// conversation as the Telegram user who wrote them; other text, once claimed, is their
/// reply to the person. Only a member whose Telegram user id is linked to a staff account
/// acts, and only on conversations of that account's offices; every action is audited.
/// </summary>
internal sealed class TelegramStaffGroup(ConversationService conversations, IChannelStore store, IConversationStore conversationStore, IStaffDirectory staff,
    TelegramTexts texts, IOptions<TelegramOptions> options, TimeProvider clock)
{
    public const string StaffPrefix = "tg:";

    public bool IsStaffChat(string chat) => options.Value.StaffGroup && chat == options.Value.StaffChatId;

    public async Task HandleAsync(ChannelUpdate record)
    {
        var update = JsonSerializer.Deserialize<Update>(record.Payload, JsonBotAPI.Options)!;
        var message = update.Message;
        if (message?.Text is { } text && message.MessageThreadId is { } thread && message.From is { } from
            && TelegramTopics.ConversationOf(store, thread) is { } conversationId)
        {
            var command = text.Split(' ', '@')[0].ToLowerInvariant();
            var action = command switch
            {
                "/claim" => StaffAction.Claim,
                "/release" => StaffAction.Release,
                "/close" => StaffAction.Close,
                _ => StaffAction.Say,
            };
            var account = staff.FindStaffByTelegram(from.Id);
            var office = conversationStore.FindConversation(conversationId)?.Handoff?.OfficeId;
            var verb = "telegram-" + action.ToString().ToLowerInvariant();
            if (account is null || !account.Serves(office))
            {
                await staff.AuditAsync(account?.Id ?? $"telegram:{from.Id}", verb + "-refused", conversationId, clock.GetUtcNow());
                await store.EnqueueAsync(Notice(conversationId, record.Number, texts["telegram_staff_not_linked"]));
            }
            else
            {
                try
                {
                    await conversations.StaffAsync(conversationId, action, StaffPrefix + account.Id, account.DisplayName, action == StaffAction.Say ? text : null);
                    await staff.AuditAsync(account.Id, verb, conversationId, clock.GetUtcNow());
                }
                catch (StaffActionRefusedException)
                {
                    await staff.AuditAsync(account.Id, verb + "-refused", conversationId, clock.GetUtcNow());
                    await store.EnqueueAsync(Notice(conversationId, record.Number,
                        action == StaffAction.Say ? texts["telegram_staff_claim_first"] : texts["telegram_staff_changed"].Replace("{command}", command, StringComparison.Ordinal)));
                }
            }
        }

        await store.MarkHandledAsync(record.Id);
    }

    private OutboxMessage Notice(string conversationId, long number, string text) => new()
    {
        Id = $"{TelegramChannel.Name}-staff:{conversationId}:notice-{number}",
        Channel = TelegramChannel.Name,
        Address = TelegramTopics.Address(options.Value.StaffChatId!),
        ConversationId = conversationId,
        Text = text,
        CreatedAt = clock.GetUtcNow(),
    };
}
