using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace VssBot.Logging;

/// <summary>
/// A safety net under the rule that no personal data is logged: string properties that
/// contain digit runs long enough to be an ID, BHXH code or phone number, or an e-mail
/// address, are masked before any sink sees them.
/// </summary>
public sealed partial class PersonalDataMask : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToList())
        {
            if (value is ScalarValue { Value: string text } && Mask(text) is var masked && masked != text)
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(masked)));
            }
        }
    }

    public static string Mask(string text) =>
        Email().Replace(LongNumber().Replace(text, m => new string('*', m.Length - 2) + m.Value[^2..]), "***@***");

    [GeneratedRegex(@"(?<![0-9A-Za-z])\+?\d(?:[\s.\-]?\d){8,}")]
    private static partial Regex LongNumber();

    [GeneratedRegex(@"[\w.+\-]+@[\w\-]+(\.[\w\-]+)+")]
    private static partial Regex Email();
}
