using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using TGFile = Telegram.Bot.Types.TGFile;
using VssBot.Core.Conversations;
using VssBot.Core.Engine;
using VssBot.Core.Photos;

namespace VssBot.Channels.Telegram;

/// <summary>What a Telegram update says, as a channel-neutral input: text, a command in
/// the words the engine knows, a tapped button, a shared contact, a photo downloaded
/// and checked, or a kind refusal for anything else.</summary>
internal sealed class TelegramUpdateReader(ITelegramBotClient bot, IConversationStore store, PhotoIntake photos, TelegramTexts texts)
{
    /// <summary>The input, and the /start payload when the update is /start.</summary>
    public async Task<(Input? Input, bool IsStart, string? Payload)> ReadAsync(Update update, string? conversationId, CancellationToken cancellationToken)
    {
        if (update.CallbackQuery is { } callback)
        {
            return (ReadCallback(callback, conversationId), false, null);
        }

        var message = update.Message;
        if (message is null)
        {
            return (null, false, null);
        }

        switch (message.Type)
        {
            case MessageType.Text:
                return ReadText(message.Text!);
            case MessageType.Contact:
                var contact = message.Contact!;
                // Verified only when both ids are there and equal: a contact card without a user id is anyone's.
                return contact.UserId is { } owner && message.From?.Id is { } sender && owner == sender
                    ? (Input.OfContact(contact.PhoneNumber, verified: true), false, null)
                    : (Input.Refused(texts["telegram_foreign_contact"]), false, null);
            case MessageType.Photo:
                var largest = message.Photo!.MaxBy(p => (long)p.Width * p.Height)!;
                return (await DownloadAsync(largest.FileId, largest.FileSize, cancellationToken), false, null);
            case MessageType.Document:
                var document = message.Document!;
                return (await DownloadAsync(document.FileId, document.FileSize, cancellationToken), false, null);
            default:
                return (Input.Refused(texts["telegram_unsupported"]), false, null);
        }
    }

    private static (Input? Input, bool IsStart, string? Payload) ReadText(string text)
    {
        if (!text.StartsWith('/'))
        {
            return (Input.Of(text), false, null);
        }

        var space = text.IndexOf(' ');
        var command = (space < 0 ? text : text[..space]).Split('@')[0].ToLowerInvariant();
        var payload = space < 0 ? null : text[(space + 1)..].Trim();
        return command switch
        {
            "/start" => (Input.Of("menu"), true, string.IsNullOrEmpty(payload) ? null : payload),
            "/menu" => (Input.Of("menu"), false, null),
            "/help" => (Input.Of("help"), false, null), // words of dialogs/commands.yaml
            "/cancel" => (Input.Of("cancel"), false, null),
            _ => (Input.Of(text), false, null),
        };
    }

    private Input? ReadCallback(CallbackQuery callback, string? conversationId)
    {
        if (conversationId is null || TelegramMarkup.ParseCallback(callback.Data) is not { } pressed)
        {
            return null;
        }

        var entry = store.Transcript(conversationId, pressed.Seq - 1).FirstOrDefault(t => t.Seq == pressed.Seq);
        return entry is not null && pressed.Index < entry.Choices.Count ? Input.Of(entry.Choices[pressed.Index]) : null;
    }

    private async Task<Input> DownloadAsync(string fileId, long? size, CancellationToken cancellationToken)
    {
        if (size > TelegramChannel.MaxDownloadBytes)
        {
            return Input.Refused(texts["telegram_file_too_big"]);
        }

        TGFile file;
        using var buffer = new MemoryStream();
        try
        {
            file = await bot.GetFile(fileId, cancellationToken);
            if (file.FileSize > TelegramChannel.MaxDownloadBytes || file.FilePath is null)
            {
                return Input.Refused(texts["telegram_file_too_big"]);
            }

            if (file.FileSize > photos.Options.MaxBytes)
            {
                return Input.Refused(photos.TooLargeMessage);
            }

            await bot.DownloadFile(file.FilePath, buffer, cancellationToken);
        }
        catch (ApiRequestException e) when (e.Message.Contains("file is too big", StringComparison.OrdinalIgnoreCase))
        {
            return Input.Refused(texts["telegram_file_too_big"]);
        }
        catch (Exception e) when (e is ApiRequestException or RequestException or HttpRequestException or IOException
            || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // getFile refused, the file gone or the download cut: the person is told it did
            // not arrive (not that it is wrong), and the step waits for it again.
            return Input.Refused(texts["telegram_download_failed"]);
        }

        var check = await photos.CheckAsync(buffer.ToArray(), cancellationToken);
        return check.Accepted ? Input.OfPhoto(check.Jpeg!) with { PhotoFindings = check.Findings } : Input.Refused(check.Refusal!);
    }
}
