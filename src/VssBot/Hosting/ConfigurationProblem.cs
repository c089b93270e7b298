using Microsoft.Extensions.Options;

namespace VssBot.Hosting;

/// <summary>What a start-up failure says about the configuration, when it is about the
/// configuration: a value out of range (data annotations name the key) or one that does not
/// convert ("Failed to convert configuration value at 'Photos:MaxBytes'…").</summary>
public static class ConfigurationProblem
{
    public static string? Of(Exception e) => e switch
    {
        OptionsValidationException invalid => string.Join("; ", invalid.Failures),
        InvalidOperationException { Message: var message } when message.Contains("configuration value", StringComparison.Ordinal) => message,
        AggregateException all => all.InnerExceptions.Select(Of).FirstOrDefault(p => p is not null),
        _ when e.InnerException is not null => Of(e.InnerException),
        _ => null,
    };
}
