using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using VssBot.Channels;
using VssBot.Core.Conversations;

namespace VssBot.Channels.Telegram;

/// <summary>
/// Sends one Telegram outbox message (text with buttons, a photo, a document, a staff-group
/// topic's message or its deletion); the shared <see cref="OutboxDrain"/> keeps the order, the
/// per-chat interval, the global rate and 429's retry_after.
/// </summary>
internal sealed class TelegramSender : IOutboxSender
{
    private readonly ITelegramBotClient bot;
    private readonly IChannelStore store;
    private readonly IConversationStore conversations;
    private readonly TelegramTexts texts;
    private readonly IOptions<TelegramOptions> options;
    private readonly IServiceProvider services;
    private readonly OutboxDrain _drain;

    public TelegramSender(ITelegramBotClient bot, IChannelStore store, IConversationStore conversations, TelegramTexts texts,
        IOptions<TelegramOptions> options, IOutboxCoordination coordination, TimeProvider clock, ILogger<TelegramSender> logger, IServiceProvider services)
    {
        this.bot = bot;
        this.store = store;
        this.conversations = conversations;
        this.texts = texts;
        this.options = options;
        this.services = services;
        _drain = new OutboxDrain(this, store, coordination, clock, logger);
    }

    public string Channel => TelegramChannel.Name;

    public int MessagesPerSecond => options.Value.MessagesPerSecond;

    public long Sent => _drain.Sent;
    public long RateLimited => _drain.RateLimited;

    public TimeSpan IntervalFor(OutboxMessage message) =>
        TimeSpan.FromMilliseconds(TelegramTopics.IsTopic(message.Address) ? options.Value.StaffChatIntervalMs : options.Value.PerChatIntervalMs);

    /// <summary>Something was added to the outbox.</summary>
    public void Wake() => _drain.Wake();

    public Task RunAsync(CancellationToken stoppingToken) => _drain.RunAsync(stoppingToken);

    public async Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken stoppingToken)
    {
        try
        {
            if (TelegramTopics.ToDelete(message.Address) is { } erased)
            {
                await bot.DeleteForumTopic(erased.Chat, erased.Topic, stoppingToken);
                return SendOutcome.Sent;
            }

            var chat = TelegramTopics.Chat(message.Address);
            int? thread = TelegramTopics.IsTopic(message.Address) ? await TopicAsync(chat, message.ConversationId, stoppingToken) : null;
            if (message.FileRef is { } fileRef)
            {
                // The document is drawn now; one whose dossier is gone is not sent.
                if (services.GetService<IDocumentSource>()?.Open(fileRef, message.ConversationId) is { } document)
                {
                    await bot.SendDocument(chat, InputFile.FromStream(new MemoryStream(document.Bytes), document.Name),
                        caption: message.Text.Length > 0 ? message.Text : null, cancellationToken: stoppingToken);
                }
            }
            else if (message.PhotoKey is { } key && conversations.Photo(key) is { } photo && message.Text.Length <= 1024)
            {
                // A photo with its text as the caption (Telegram allows 1,024 characters there).
                await bot.SendPhoto(chat, InputFile.FromStream(new MemoryStream(photo), "anh.jpg"), caption: message.Text,
                    replyMarkup: TelegramMarkup.For(message, texts), messageThreadId: thread, cancellationToken: stoppingToken);
            }
            else
            {
                await bot.SendMessage(chat, message.Text, replyMarkup: TelegramMarkup.For(message, texts), messageThreadId: thread, cancellationToken: stoppingToken);
            }

            return SendOutcome.Sent;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 429)
        {
            return SendOutcome.PauseAddress(TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1)));
        }
        catch (ApiRequestException e) when (e.ErrorCode is >= 400 and < 500)
        {
            // The chat is gone or the bot blocked.
            return SendOutcome.Failed($"{e.ErrorCode}: {e.Message}");
        }
        catch (Exception e) when (e is ApiRequestException or RequestException)
        {
            return SendOutcome.Retry(e.Message);
        }
    }

    /// <summary>The conversation's topic in the staff group, made on first use.</summary>
    private async Task<int> TopicAsync(long chat, string conversationId, CancellationToken stoppingToken)
    {
        if (TelegramTopics.TopicOf(store, conversationId) is { } known)
        {
            return known;
        }

        var topic = await bot.CreateForumTopic(chat, texts["telegram_topic_name"].Replace("{id}", conversationId[..8], StringComparison.Ordinal), cancellationToken: stoppingToken);
        await TelegramTopics.SaveAsync(store, conversationId, chat, topic.MessageThreadId);
        return topic.MessageThreadId;
    }
}
