using System.Diagnostics.Metrics;

namespace VssBot.Core.Telemetry;

/// <summary>
/// What an operator graphs, as System.Diagnostics.Metrics instruments of the "VssBot" meter
/// (the host exports them with OpenTelemetry: Prometheus at /metrics, OTLP when configured).
/// Tags are never personal: channel, office id, dialog id, step id, outcome, reason, policy.
/// The names become Prometheus names: "vssbot.turns" → vssbot_turns_total,
/// "vssbot.turn.duration" (s) → vssbot_turn_duration_seconds.
/// </summary>
public static class VssBotMetrics
{
    public const string MeterName = "VssBot";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Turns = Meter.CreateCounter<long>("vssbot.turns", description: "Turns by channel and outcome (answered, unknown, failed).");
    public static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>("vssbot.turn.duration", "s", "A turn from lock to commit.", advice: Seconds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5));
    public static readonly Counter<long> ConversationsStarted = Meter.CreateCounter<long>("vssbot.conversations.started", description: "Conversations opened, by channel.");
    public static readonly Counter<long> DossiersSubmitted = Meter.CreateCounter<long>("vssbot.dossiers.submitted", description: "Dossiers sent to an office (each version), by office and dialog.");
    public static readonly Counter<long> StepFailures = Meter.CreateCounter<long>("vssbot.step.failures", description: "Answers refused, by dialog and step: where people get stuck.");
    public static readonly Histogram<double> HandoffWait = Meter.CreateHistogram<double>("vssbot.handoff.wait", "s", "From asking for a person to a staff member taking the chat.", advice: Seconds(10, 30, 60, 120, 300, 600, 1800, 3600, 14400, 86400));
    public static readonly Counter<long> OutboxSent = Meter.CreateCounter<long>("vssbot.outbox.sent", description: "Messages a channel accepted, by channel.");
    public static readonly Counter<long> OutboxRetries = Meter.CreateCounter<long>("vssbot.outbox.retries", description: "Sends to try again, by channel and reason (rate_limited, error).");
    public static readonly Counter<long> Photos = Meter.CreateCounter<long>("vssbot.photos", description: "Photos received, by outcome (accepted, hinted, refused, busy).");
    public static readonly Histogram<double> StoreCommit = Meter.CreateHistogram<double>("vssbot.store.commit", "s", "One store transaction.", advice: Seconds(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1));
    public static readonly Histogram<long> StoreBatchSize = Meter.CreateHistogram<long>("vssbot.store.batch.size", description: "Turns in one store transaction.", advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 50, 100, 200] });
    public static readonly Counter<long> StoreFaults = Meter.CreateCounter<long>("vssbot.store.faults", description: "Times the store stopped taking writes (a full or failing disk), by cause.");
    public static readonly Counter<long> StoreUnavailable = Meter.CreateCounter<long>("vssbot.store.unavailable", description: "Requests answered 503 because the store could not keep them.");
    public static readonly Counter<long> RateLimited = Meter.CreateCounter<long>("vssbot.rate_limited", description: "Requests refused by a rate limit, by policy.");

    /// <summary>A gauge read at each scrape (the host registers the handoff queue and the outbox backlog).</summary>
    public static ObservableGauge<long> Gauge(string name, Func<IEnumerable<Measurement<long>>> observe, string description) =>
        Meter.CreateObservableGauge(name, observe, description: description);

    private static InstrumentAdvice<double> Seconds(params double[] boundaries) => new() { HistogramBucketBoundaries = boundaries };

    public static KeyValuePair<string, object?> Tag(string name, string? value) => new(name, value ?? "");
}
