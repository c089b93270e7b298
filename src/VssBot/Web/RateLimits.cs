using VssBot.Configuration;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using VssBot.Core.Engine;
using VssBot.Hosting;

namespace VssBot.Web;

/// <summary>
/// The framework's rate limiter for the public endpoints: conversation creation, photo
/// uploads and staff sign-in per client address; a <c>429</c> with <c>Retry-After</c> and a
/// kind Vietnamese message. Forwarded headers from known proxies give the real address.
/// </summary>
public static class RateLimits
{
    public const string Conversations = "conversations";
    public const string Logins = "login";

    public static IServiceCollection AddVssBotRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<RateLimitOptions>(configuration, RateLimitOptions.Section);
        services.AddSingleton<PhotoLimiter>();
        services.AddSingleton<IHandoffGate, HandoffGate>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<RateLimitOptions>((limiter, options) =>
        {
            limiter.AddPolicy(Conversations, http => RateLimitPartition.GetTokenBucketLimiter(Address(http), _ => Bucket(options.ConversationsBurst, options.ConversationsPerMinute)));
            limiter.AddPolicy(Logins, http => RateLimitPartition.GetFixedWindowLimiter(Address(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = Math.Max(1, options.LoginsPerMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
            }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                var policy = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "global";
                await TooManyAsync(context.HttpContext, wait, cancellationToken, policy);
            };
        });

        services.AddValidatedOptions<ProxyOptions>(configuration, ProxyOptions.Section)
            .Validate(p => p.KnownProxies.All(a => IPAddress.TryParse(a, out _)) && p.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)),
                "Proxy:KnownProxies must be IP addresses and Proxy:KnownNetworks CIDR networks");
        services.AddOptions<ForwardedHeadersOptions>().Configure<ProxyOptions>((o, proxies) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in proxies.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>The client's address: the peer, or what a known proxy forwarded.</summary>
    public static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public static TokenBucketRateLimiterOptions Bucket(int burst, int perMinute) => new()
    {
        TokenLimit = Math.Max(1, burst),
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1.0 / Math.Max(1, perMinute)),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>429 with Retry-After: JSON for the chat API, a page for the staff console.</summary>
    public static async Task TooManyAsync(HttpContext http, TimeSpan wait, CancellationToken cancellationToken, string policy)
    {
        VssBot.Core.Telemetry.VssBotMetrics.RateLimited.Add(1, VssBot.Core.Telemetry.VssBotMetrics.Tag("policy", policy));
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var texts = http.RequestServices.GetRequiredService<DialogContent>().Texts;
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = texts.Format("web_too_many_requests", ("seconds", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (http.Request.Path.StartsWithSegments("/staff"))
        {
            await Staff.StaffView.Problem(Staff.ProblemKind.TooMany, StatusCodes.Status429TooManyRequests, message).ExecuteAsync(http);
            return;
        }

        await ApiProblem.WriteAsync(http, StatusCodes.Status429TooManyRequests, "too_many_requests", message);
    }
}

/// <summary>Photo uploads per client address (token bucket).</summary>
public sealed class PhotoLimiter(RateLimitOptions options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetTokenBucketLimiter(address, _ => RateLimits.Bucket(options.PhotosBurst, options.PhotosPerMinute)));

    /// <summary>Null when allowed, else how long to wait.</summary>
    public TimeSpan? TryTake(string address)
    {
        using var lease = _limiter.AttemptAcquire(address);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
    }

    public void Dispose() => _limiter.Dispose();
}
