using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;
using VssBot.Channels;
using VssBot.Core.Conversations;
using VssBot.Core.Engine;

namespace VssBot.Channels.Telegram;

/// <summary>
/// Handles the recorded updates of one chat: finds or opens its conversation, runs the
/// turns, and puts the replies in the outbox in the same commit that marks the updates
/// handled. An album's photos are handled together and answered once.
/// </summary>
internal sealed class TelegramConversations(
    ConversationService conversations,
    IChannelStore channelStore,
    VssBot.Core.Domain.Units.IUnitStore units,
    TelegramUpdateReader reader,
    ITelegramBotClient bot,
    TelegramSender sender,
    TelegramStaffGroup staffGroup,
    TelegramTexts texts,
    TimeProvider clock,
    ILogger<TelegramConversations> logger)
{
    // The unit whose deep link (https://t.me/bot?start=TOKEN) opened the chat, if any.
    private string? UnitOf(string? payload) => payload is null ? null : units.FindUnitByToken(payload)?.Code;

    /// <summary>Telegram's limit on a message's text.</summary>
    private const int MaxText = 4096;

    public async Task HandleAsync(IReadOnlyList<ChannelUpdate> group, CancellationToken cancellationToken)
    {
        var chat = group[0].Address;
        if (staffGroup.IsStaffChat(chat))
        {
            foreach (var record in group)
            {
                await staffGroup.HandleAsync(record);
            }

            sender.Wake();
            return;
        }

        var linkId = $"{TelegramChannel.Name}:{chat}";
        for (var i = 0; i < group.Count; i++)
        {
            var record = group[i];
            var update = JsonSerializer.Deserialize<Update>(record.Payload, JsonBotAPI.Options)!;
            if ((update.Message?.Chat ?? update.CallbackQuery?.Message?.Chat)?.Type is not global::Telegram.Bot.Types.Enums.ChatType.Private)
            {
                // Citizens talk to the bot in private chats only; a group it was added to gets nothing.
                await channelStore.MarkHandledAsync(record.Id);
                continue;
            }

            var conversationId = channelStore.LinkedConversation(linkId);
            var (input, isStart, payload) = await reader.ReadAsync(update, conversationId, cancellationToken);
            var last = i == group.Count - 1;
            if (conversationId is null)
            {
                // The first message of a chat, /start or not, opens its conversation at the menu;
                // a first message that says what the person wants is answered after the greeting
                // (the update is marked handled with that answer, so a crash between the two
                // commits answers it at the next try).
                var answerToo = !isStart && FirstMessage.WorthAnswering(input);
                await conversations.StartAsync(TelegramChannel.Name, beforeCommit: turn =>
                {
                    turn.Conversation.StartPayload = payload;
                    turn.Conversation.UnitCode = UnitOf(payload);
                    turn.Conversation.ChannelAddress = chat;
                    turn.Links.Add(new ChannelLink { Id = linkId, ConversationId = turn.Conversation.Id });
                    Finish(turn, record, chat, send: true, mark: !answerToo);
                });
                var opened = channelStore.LinkedConversation(linkId);
                logger.LogInformation("Telegram chat opened conversation {ConversationId}", opened);
                if (answerToo && opened is not null)
                {
                    await conversations.TurnAsync(opened, input!, turn => Finish(turn, record, chat, send: true));
                }
            }
            else if (input is null)
            {
                // Nothing to act on (a button from a message that no longer exists).
                await channelStore.MarkHandledAsync(record.Id);
            }
            else
            {
                await conversations.TurnAsync(conversationId, input, turn =>
                {
                    if (isStart && payload is not null)
                    {
                        turn.Conversation.StartPayload = payload;
                        // A unit's deep link opened later still counts the person for that unit.
                        turn.Conversation.UnitCode = UnitOf(payload) ?? turn.Conversation.UnitCode;
                    }

                    // In an album only the last photo's answer goes out, with any refusal before it.
                    Finish(turn, record, chat, send: last || (input.Kind == InputKind.Photo && turn.PhotosToStore.Count == 0));
                });
            }

            if (update.CallbackQuery is { } callback)
            {
                await AnswerCallbackAsync(callback.Id, cancellationToken);
            }
        }

        sender.Wake();
    }

    private void Finish(TurnResult turn, ChannelUpdate record, string chat, bool send, bool mark = true)
    {
        if (mark)
        {
            turn.HandledUpdates.Add(record.Id);
        }

        turn.Conversation.ChannelAddress = chat;
        if (send)
        {
            turn.Outbox.AddRange(ToOutbox(turn, chat, clock.GetUtcNow(), texts["telegram_document_tip"]));
            turn.Outbox.AddRange(FilesToOutbox(turn, chat, clock.GetUtcNow()));
        }
    }

    /// <summary>A turn's replies as one Telegram message (split only past 4,096 characters),
    /// with the buttons of the last reply.</summary>
    /// <param name="photoTip">Added when a photo is asked for: on Telegram a photo sent as a
    /// file keeps full quality, which ID photos need.</param>
    internal static IEnumerable<OutboxMessage> ToOutbox(TurnResult turn, string chat, DateTimeOffset now, string? photoTip = null) =>
        TurnOutbox.Replies(TelegramChannel.Name, turn, chat, now, MaxText, photoTip);

    /// <summary>Documents the turn's replies carry, each as its own message with its caption.</summary>
    internal static IEnumerable<OutboxMessage> FilesToOutbox(TurnResult turn, string chat, DateTimeOffset now) =>
        TurnOutbox.Files(TelegramChannel.Name, turn, chat, now, 1024);

    private async Task AnswerCallbackAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await bot.AnswerCallbackQuery(id, cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The spinner on the button stops by itself; the answer was already handled.
            logger.LogWarning(e, "answerCallbackQuery failed");
        }
    }
}
