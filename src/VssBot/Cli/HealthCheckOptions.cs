using System.ComponentModel.DataAnnotations;

namespace VssBot.Cli;

/// <summary>The <c>HealthCheck</c> section: where <c>vssbot healthcheck</c> asks.</summary>
public sealed class HealthCheckOptions
{
    public const string Section = "HealthCheck";

    [Url(ErrorMessage = "HealthCheck:Url must be an http(s) address")]
    public string Url { get; set; } = "http://127.0.0.1:8080/healthz";
}
