using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using VssBot.Core.Conversations;

namespace VssBot.Channels.Telegram;

/// <summary>
/// Drains the Telegram outbox in order: at most one message a chat per interval, at most
/// N a second overall, pausing everything for a 429's retry_after. A message is marked
/// sent only after Telegram accepted it, so a crash re-sends, never loses.
/// </summary>
internal sealed class TelegramSender(
    ITelegramBotClient bot,
    IChannelStore store,
    IConversationStore conversations,
    TelegramTexts texts,
    IOptions<TelegramOptions> options,
    TimeProvider clock,
    ILogger<TelegramSender> logger,
    IServiceProvider services)
{
    private const int MaxAttempts = 5;

    private readonly SemaphoreSlim _wake = new(0);
    private readonly Dictionary<string, DateTimeOffset> _lastByChat = [];
    private readonly Queue<DateTimeOffset> _recent = new();

    public long Sent { get; private set; }
    public long RateLimited { get; private set; }

    /// <summary>Something was added to the outbox.</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var perChat = TimeSpan.FromMilliseconds(options.Value.PerChatIntervalMs);
        while (!stoppingToken.IsCancellationRequested)
        {
            var pending = store.PendingOutbox(TelegramChannel.Name, 200);
            var next = DateTimeOffset.MaxValue;
            var blocked = new HashSet<string>();
            foreach (var message in pending)
            {
                var now = clock.GetUtcNow();
                if (blocked.Contains(message.Address))
                {
                    continue; // an earlier message of this chat waits: keep the order
                }

                var interval = message.ToStaffTopic ? TimeSpan.FromMilliseconds(options.Value.StaffChatIntervalMs) : perChat;
                if (_lastByChat.TryGetValue(message.Address, out var last) && now - last < interval)
                {
                    blocked.Add(message.Address);
                    next = Min(next, last + interval);
                    continue;
                }

                await WaitForGlobalSlotAsync(stoppingToken);
                var outcome = await SendAsync(message, stoppingToken);
                if (outcome is { } retryAfter)
                {
                    RateLimited++;
                    logger.LogWarning("Telegram asked to wait {Seconds} s (429)", retryAfter.TotalSeconds);
                    await Task.Delay(retryAfter, stoppingToken);
                    next = clock.GetUtcNow();
                    break;
                }

                if (message.SentAt is null)
                {
                    blocked.Add(message.Address);
                }
            }

            var delay = next == DateTimeOffset.MaxValue ? TimeSpan.FromSeconds(1) : next - clock.GetUtcNow();
            if (delay > TimeSpan.Zero)
            {
                await _wake.WaitAsync(delay < TimeSpan.FromSeconds(1) ? delay : TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    /// <summary>Sends one message; the time to wait when Telegram answered 429.</summary>
    private async Task<TimeSpan?> SendAsync(OutboxMessage message, CancellationToken stoppingToken)
    {
        try
        {
            message.Attempts++;
            var chat = long.Parse(message.Address, System.Globalization.CultureInfo.InvariantCulture);
            int? thread = message.ToStaffTopic ? await TopicAsync(chat, message.ConversationId, stoppingToken) : null;
            if (message.DeleteTopicId is { } topic)
            {
                await bot.DeleteForumTopic(chat, topic, stoppingToken);
            }
            else if (message.FileRef is { } fileRef)
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
            _lastByChat[message.Address] = clock.GetUtcNow();
            _recent.Enqueue(clock.GetUtcNow());
            message.SentAt = clock.GetUtcNow();
            Sent++;
            await store.MarkSentAsync(message);
            return null;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 429)
        {
            message.Attempts--;
            return TimeSpan.FromSeconds(Math.Max(1, e.Parameters?.RetryAfter ?? 1));
        }
        catch (ApiRequestException e) when (e.ErrorCode is >= 400 and < 500 || message.Attempts >= MaxAttempts)
        {
            // The chat is gone or the bot blocked: nothing will change by trying again.
            message.FailedReason = $"{e.ErrorCode}: {e.Message}";
            logger.LogWarning("Telegram refused message {MessageId}: {Error}", message.Id, message.FailedReason);
            await store.MarkSentAsync(message);
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or ApiRequestException or RequestException)
        {
            logger.LogWarning("Telegram send failed, will retry: {Error}", e.Message);
            return TimeSpan.FromSeconds(1);
        }
    }

    /// <summary>The conversation's topic in the staff group, made on first use.</summary>
    private async Task<int> TopicAsync(long chat, string conversationId, CancellationToken stoppingToken)
    {
        if (store.TopicOfConversation(conversationId) is { } known)
        {
            return known.TopicId;
        }

        var topic = await bot.CreateForumTopic(chat, texts["telegram_topic_name"].Replace("{id}", conversationId[..8], StringComparison.Ordinal), cancellationToken: stoppingToken);
        await store.SaveTopicAsync(new StaffTopic { Id = conversationId, TopicId = topic.MessageThreadId, ChatId = chat.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return topic.MessageThreadId;
    }

    private async Task WaitForGlobalSlotAsync(CancellationToken stoppingToken)
    {
        var window = TimeSpan.FromSeconds(1);
        while (true)
        {
            var now = clock.GetUtcNow();
            while (_recent.Count > 0 && now - _recent.Peek() >= window)
            {
                _recent.Dequeue();
            }

            if (_recent.Count < options.Value.MessagesPerSecond)
            {
                return;
            }

            await Task.Delay(window - (now - _recent.Peek()), stoppingToken);
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
