using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace VssBot.Logging;

/// <summary>
/// A safety net under the rule that no personal data is logged, in front of every sink:
/// in string (and URI) properties and in exceptions (message and stack), number runs long
/// enough to be an ID, a BHXH code, a BHYT card or passport number, or a phone number (also
/// glued to letters: DN40…, C1234567, cccd079…), e-mail addresses, the Telegram bot token,
/// and long tokens such as web-chat keys are masked before any sink sees them.
/// </summary>
public sealed partial class PersonalDataMask(ILogEventSink inner) : ILogEventSink
{
    public void Emit(LogEvent logEvent)
    {
        var properties = logEvent.Properties.Select(p => new LogEventProperty(p.Key, Masked(p.Value))).ToList();
        var exception = logEvent.Exception is null ? null : new MaskedException(logEvent.Exception);
        inner.Emit(new LogEvent(logEvent.Timestamp, logEvent.Level, exception, logEvent.MessageTemplate, properties, logEvent.TraceId ?? default, logEvent.SpanId ?? default));
    }

    // Strings and URIs, also inside sequences and structures (logging scopes arrive as a sequence).
    private static LogEventPropertyValue Masked(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string or Uri } scalar:
                var text = scalar.Value.ToString()!;
                var masked = Mask(text);
                return masked == text ? value : new ScalarValue(masked);
            case SequenceValue sequence:
                return new SequenceValue(sequence.Elements.Select(Masked));
            case StructureValue structure:
                return new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, Masked(p.Value))), structure.TypeTag);
            case DictionaryValue dictionary:
                return new DictionaryValue(dictionary.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(e.Key, Masked(e.Value))));
            default:
                return value;
        }
    }

    public static string Mask(string text)
    {
        var masked = BotToken().Replace(text, "/bot***");
        masked = LongToken().Replace(masked, "***");
        masked = LongNumber().Replace(masked, m => new string('*', m.Length - 2) + m.Value[^2..]);
        return Email().Replace(masked, "***@***");
    }

    // Bot API request URLs carry the bot's token: /bot123456:AA…/sendMessage.
    [GeneratedRegex(@"/bot\d+:[A-Za-z0-9_\-]+")]
    private static partial Regex BotToken();

    // A web-chat key (43 characters of base64url) or any token as long.
    [GeneratedRegex(@"(?<![A-Za-z0-9_\-])[A-Za-z0-9_\-]{40,}(?![A-Za-z0-9_\-])")]
    private static partial Regex LongToken();

    // Seven or more digits (spaces, dots or dashes between them allowed), letters before them or not.
    [GeneratedRegex(@"\+?\d(?:[\s.\-]?\d){6,}")]
    private static partial Regex LongNumber();

    [GeneratedRegex(@"[\w.+\-]+@[\w\-]+(\.[\w\-]+)+")]
    private static partial Regex Email();

    /// <summary>An exception as a sink writes it (type, message, stack), masked.</summary>
    private sealed class MaskedException(Exception original) : Exception(Mask(original.Message))
    {
        private readonly string _text = Mask(original.ToString());

        public override string? StackTrace => null;

        public override string ToString() => _text;
    }
}
