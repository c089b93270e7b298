using Serilog;
using Serilog.AspNetCore;
using Serilog.Events;

namespace VssBot.Logging;

/// <summary>
/// Serilog from the "Serilog" configuration section, with <see cref="PersonalDataMask"/>
/// in front of the configured sinks: levels and enrichers apply as configured, then every
/// event is masked, then written by the sinks configured under "Serilog:WriteTo". In
/// Development the sinks' formatter is dropped, so the console shows plain lines to read;
/// elsewhere it writes the configured compact JSON.
/// </summary>
public static class LogSetup
{
    public static LoggerConfiguration Configure(LoggerConfiguration logger, IConfiguration configuration, IServiceProvider services)
    {
        var readable = services.GetService<IHostEnvironment>()?.IsDevelopment() == true;
        var serilog = configuration.GetSection("Serilog").AsEnumerable()
            .Where(p => p.Value is not null && !(readable && p.Key.EndsWith(":Args:formatter", StringComparison.Ordinal)))
            .ToList();
        var sinks = new LoggerConfiguration().MinimumLevel.Verbose()
            .ReadFrom.Configuration(Section(serilog.Where(p => IsSinkKey(p.Key))))
            .CreateLogger();
        return logger
            .ReadFrom.Configuration(Section(serilog.Where(p => !IsSinkKey(p.Key) || p.Key.StartsWith("Serilog:Using", StringComparison.Ordinal))))
            .ReadFrom.Services(services)
            .WriteTo.Sink(new PersonalDataMask(sinks));
    }

    private static bool IsSinkKey(string key) =>
        key.StartsWith("Serilog:WriteTo", StringComparison.Ordinal) || key.StartsWith("Serilog:Using", StringComparison.Ordinal);

    private static IConfiguration Section(IEnumerable<KeyValuePair<string, string?>> pairs) =>
        new ConfigurationBuilder().AddInMemoryCollection(pairs).Build();

    /// <summary>The request log names the route, not a web-chat key: the key is the person's secret.</summary>
    public static void RequestLogging(RequestLoggingOptions options) =>
        options.GetMessageTemplateProperties = (http, path, elapsed, status) =>
        [
            new LogEventProperty("RequestMethod", new ScalarValue(http.Request.Method)),
            new LogEventProperty("RequestPath", new ScalarValue((http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? PersonalDataMask.Mask(path))),
            new LogEventProperty("StatusCode", new ScalarValue(status)),
            new LogEventProperty("Elapsed", new ScalarValue(elapsed)),
        ];
}
