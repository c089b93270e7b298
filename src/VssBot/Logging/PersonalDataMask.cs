using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace VssBot.Logging;

/// <summary>
/// A safety net under the rule that no personal data is logged: string (and URI)
/// properties that contain digit runs long enough to be an ID, BHXH code or phone number,
/// an e-mail address, or a Telegram bot token, are masked before any sink sees them.
/// </summary>
public sealed partial class PersonalDataMask : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            var masked = Masked(value);
            if (!ReferenceEquals(masked, value))
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, masked));
            }
        }
    }

    // Strings and URIs, also inside sequences (logging scopes arrive as a sequence).
    private static LogEventPropertyValue Masked(LogEventPropertyValue value)
    {
        switch (value)
        {
            case ScalarValue { Value: string or Uri } scalar:
                var text = scalar.Value.ToString()!;
                var masked = Mask(text);
                return masked == text ? value : new ScalarValue(masked);
            case SequenceValue sequence:
                var elements = sequence.Elements.Select(Masked).ToList();
                return elements.Zip(sequence.Elements).All(p => ReferenceEquals(p.First, p.Second)) ? value : new SequenceValue(elements);
            default:
                return value;
        }
    }

    public static string Mask(string text) =>
        Email().Replace(LongNumber().Replace(BotToken().Replace(text, "/bot***"), m => new string('*', m.Length - 2) + m.Value[^2..]), "***@***");

    // Bot API request URLs carry the bot's token: /bot123456:AA…/sendMessage.
    [GeneratedRegex(@"/bot\d+:[A-Za-z0-9_\-]+")]
    private static partial Regex BotToken();

    [GeneratedRegex(@"(?<![0-9A-Za-z])\+?\d(?:[\s.\-]?\d){8,}")]
    private static partial Regex LongNumber();

    [GeneratedRegex(@"[\w.+\-]+@[\w\-]+(\.[\w\-]+)+")]
    private static partial Regex Email();
}
