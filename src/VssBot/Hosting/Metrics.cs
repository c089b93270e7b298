using VssBot.Configuration;
using System.ComponentModel.DataAnnotations;
using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using VssBot.Core.Conversations;
using VssBot.Core.Staff;
using VssBot.Core.Telemetry;

namespace VssBot.Hosting;

/// <summary>Metrics: where /metrics answers, and an OTLP collector for metrics and traces.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";
    public const string Off = "Off";
    public const string Loopback = "Loopback";
    public const string Everywhere = "Everywhere";

    /// <summary>Off, Loopback (the default: a Prometheus on the same machine) or Everywhere
    /// (behind a proxy that keeps /metrics to the operator's network).</summary>
    [RegularExpression("^(Off|Loopback|Everywhere)$", ErrorMessage = "Metrics:Exposure must be Off, Loopback or Everywhere")]
    public string Exposure { get; set; } = Loopback;

    /// <summary>An OpenTelemetry collector (http://collector:4317) to push metrics and traces to; empty: none.</summary>
    [Url(ErrorMessage = "Metrics:OtlpEndpoint must be a URL")]
    public string? OtlpEndpoint { get; set; }

    /// <summary>grpc (port 4317) or http (OTLP over HTTP with protobuf, port 4318).</summary>
    [RegularExpression("^(grpc|http)$", ErrorMessage = "Metrics:OtlpProtocol must be grpc or http")]
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>How often metrics (and batched traces) are pushed.</summary>
    [Range(1, 3600, ErrorMessage = "Metrics:OtlpIntervalSeconds must be between {1} and {2}")]
    public int OtlpIntervalSeconds { get; set; } = 60;
}

public static class Metrics
{
    public static IServiceCollection AddVssBotMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<MetricsOptions>(configuration, MetricsOptions.Section);
        var options = configuration.Read<MetricsOptions>(MetricsOptions.Section);
        var otlp = string.IsNullOrWhiteSpace(options.OtlpEndpoint) ? null : new Uri(options.OtlpEndpoint);
        var telemetry = services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddMeter(VssBotMetrics.MeterName).AddAspNetCoreInstrumentation();
            if (options.Exposure != MetricsOptions.Off)
            {
                // No cached scrape: each answer is the state now (a scrape costs little here).
                metrics.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
            }

            if (otlp is not null)
            {
                metrics.AddOtlpExporter((exporter, reader) =>
                {
                    Otlp(exporter, options, otlp, "v1/metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = options.OtlpIntervalSeconds * 1000;
                });
            }
        });
        if (otlp is not null)
        {
            // A trace names the route's path with keys and anything personal masked, as the logs
            // do (a web chat's key in its path is what lets anyone read the conversation), and no query.
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation(o => o.EnrichWithHttpRequest = (activity, request) =>
            {
                activity.SetTag("url.path", VssBot.Logging.PersonalDataMask.Mask(request.Path.Value ?? ""));
                activity.SetTag("url.query", null);
                activity.DisplayName = $"{request.Method} {VssBot.Logging.PersonalDataMask.Mask(request.Path.Value ?? "")}";
            }).AddOtlpExporter(exporter =>
            {
                Otlp(exporter, options, otlp, "v1/traces");
                exporter.BatchExportProcessorOptions.ScheduledDelayMilliseconds = Math.Min(5000, options.OtlpIntervalSeconds * 1000);
            }));
        }

        services.AddSingleton<MetricGauges>();
        return services;
    }

    // Over HTTP the exporter posts to the signal's own path under the collector's address.
    private static void Otlp(OpenTelemetry.Exporter.OtlpExporterOptions exporter, MetricsOptions options, Uri endpoint, string path)
    {
        var http = options.OtlpProtocol == "http";
        exporter.Protocol = http ? OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf : OpenTelemetry.Exporter.OtlpExportProtocol.Grpc;
        exporter.Endpoint = http ? new Uri(endpoint, path) : endpoint;
    }

    /// <summary>GET /metrics (Prometheus) as Metrics:Exposure says; refused requests fall through to 404.</summary>
    public static void UseVssBotMetrics(this WebApplication app)
    {
        app.Services.GetRequiredService<MetricGauges>();
        var exposure = app.Services.GetRequiredService<MetricsOptions>().Exposure;
        if (exposure == MetricsOptions.Off)
        {
            return;
        }

        app.UseOpenTelemetryPrometheusScrapingEndpoint(http =>
            http.Request.Path == "/metrics" &&
            (exposure == MetricsOptions.Everywhere || http.Connection.RemoteIpAddress is { } address && System.Net.IPAddress.IsLoopback(address)));
    }
}

/// <summary>The gauges read from the store at each scrape: people waiting for staff by office,
/// messages waiting to go by channel. A meter of this host's own, gone with it.</summary>
public sealed class MetricGauges : IDisposable
{
    private static readonly string[] Channels = ["telegram", "zalo"];
    private readonly Meter _meter = new(VssBotMetrics.MeterName);

    public MetricGauges(IHandoffStore handoffs, IChannelStore channels)
    {
        _meter.CreateObservableGauge("vssbot.handoff.waiting", () => handoffs.HandedOff()
            .Where(c => c.Handoff is { ClaimedAt: null })
            .GroupBy(c => c.Handoff!.OfficeId ?? "")
            .Select(g => new Measurement<long>(g.Count(), VssBotMetrics.Tag("office", g.Key))),
            description: "People waiting for a staff member, by office.");
        _meter.CreateObservableGauge("vssbot.outbox.pending", () => Channels
            .Select(channel => new Measurement<long>(channels.OutboxBacklog(channel), VssBotMetrics.Tag("channel", channel))),
            description: "Messages waiting to be sent, by channel.");
    }

    public void Dispose() => _meter.Dispose();
}
