using Telegram.Bot.Types.ReplyMarkups;
using VssBot.Core.Conversations;
using VssBot.Core.Engine;

namespace VssBot.Channels.Telegram;

/// <summary>Buttons for an outgoing message: inline buttons for choices (callback data
/// "c:{seq}:{index}", well under Telegram's 64 bytes, mapped back through the
/// transcript), a one-time "share my phone number" keyboard for the phone step.</summary>
internal static class TelegramMarkup
{
    public static ReplyMarkup? For(OutboxMessage message, TelegramTexts texts)
    {
        if (message.Expects == Expects.Phone)
        {
            var rows = new List<KeyboardButton[]> { new[] { KeyboardButton.WithRequestContact(texts["telegram_share_phone"]) } };
            rows.AddRange(message.Choices.Select(c => new[] { new KeyboardButton(c) }));
            return new ReplyKeyboardMarkup(rows) { ResizeKeyboard = true, OneTimeKeyboard = true };
        }

        if (message.Choices.Count == 0)
        {
            return null;
        }

        var buttons = message.Choices
            .Select((label, index) => InlineKeyboardButton.WithCallbackData(label, CallbackData(message.Seq, index)))
            .ToList();
        // Short labels two to a row, long ones alone, as people read them on a phone.
        var layout = new List<InlineKeyboardButton[]>();
        for (var i = 0; i < buttons.Count; i++)
        {
            if (message.Choices[i].Length <= 16 && i + 1 < buttons.Count && message.Choices[i + 1].Length <= 16)
            {
                layout.Add([buttons[i], buttons[i + 1]]);
                i++;
            }
            else
            {
                layout.Add([buttons[i]]);
            }
        }

        return new InlineKeyboardMarkup(layout);
    }

    public static string CallbackData(int seq, int index) => $"c:{seq}:{index}";

    public static (int Seq, int Index)? ParseCallback(string? data)
    {
        var parts = data?.Split(':');
        return parts is ["c", var seq, var index] && int.TryParse(seq, out var s) && int.TryParse(index, out var i) ? (s, i) : null;
    }
}
