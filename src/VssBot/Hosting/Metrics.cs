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
}

public static class Metrics
{
    public static IServiceCollection AddVssBotMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<MetricsOptions>(configuration, MetricsOptions.Section);
        var options = configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>() ?? new MetricsOptions();
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
                metrics.AddOtlpExporter(o => o.Endpoint = otlp);
            }
        });
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddOtlpExporter(o => o.Endpoint = otlp));
        }

        services.AddSingleton<MetricGauges>();
        return services;
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
            .Select(channel => new Measurement<long>(channels.PendingOutbox(channel, 100_000).Count, VssBotMetrics.Tag("channel", channel))),
            description: "Messages waiting to be sent, by channel.");
    }

    public void Dispose() => _meter.Dispose();
}
