using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VssBot.Core.Conversations;

namespace VssBot.Channels.Zalo;

/// <summary>
/// The OA's access and refresh tokens. Refresh tokens are single-use and rotate: a new pair
/// is stored (the store is encrypted with the storage key) before it is used, and only one
/// refresh is in flight at a time. Refreshed ahead of expiry, and at once when Zalo says the
/// token is invalid or expired. A failed refresh marks the channel degraded (/healthz) and
/// keeps the outbox waiting.
/// </summary>
internal sealed class ZaloTokens(ISecretStore secrets, ZaloApi api, IOptions<ZaloOptions> options, TimeProvider clock, ILogger<ZaloTokens> logger)
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly DateTimeOffset _started = clock.GetUtcNow();

    /// <summary>The last refresh failed; sending waits until a refresh or a new pair succeeds.</summary>
    public bool Degraded { get; private set; }

    public int Refreshes { get; private set; }

    public sealed record Pair(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt);

    /// <summary>The pair in use: the stored one, else the configured one (taken to live about a day from start).</summary>
    public Pair? Current =>
        secrets.Secret(ZaloChannel.TokenKey) is { } stored ? JsonSerializer.Deserialize<Pair>(stored)
        : string.IsNullOrWhiteSpace(options.Value.RefreshToken) && string.IsNullOrWhiteSpace(options.Value.AccessToken) ? null
        : new Pair(options.Value.AccessToken ?? "", options.Value.RefreshToken ?? "", string.IsNullOrWhiteSpace(options.Value.AccessToken) ? _started : _started.AddHours(24));

    /// <summary>A usable access token, refreshed first when it is about to expire; null when there is none.</summary>
    public async Task<string?> AccessTokenAsync(CancellationToken cancellationToken)
    {
        if (Current is not { } pair)
        {
            return null;
        }

        if (pair.ExpiresAt - clock.GetUtcNow() < TimeSpan.FromMinutes(options.Value.RefreshAheadMinutes))
        {
            await RefreshAsync(pair.AccessToken, cancellationToken);
        }

        return Degraded ? null : Current?.AccessToken;
    }

    /// <summary>Refreshes unless another caller already replaced <paramref name="stale"/>; false when the refresh failed.</summary>
    public async Task<bool> RefreshAsync(string stale, CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (Current is not { } pair)
            {
                return false;
            }

            if (pair.AccessToken != stale && pair.ExpiresAt - clock.GetUtcNow() >= TimeSpan.FromMinutes(options.Value.RefreshAheadMinutes))
            {
                return true; // refreshed meanwhile by someone else
            }

            var reply = await api.RefreshAsync(pair.RefreshToken, cancellationToken);
            var access = reply.Body["access_token"]?.ToString();
            var refresh = reply.Body["refresh_token"]?.ToString();
            if (!reply.Ok || string.IsNullOrEmpty(access) || string.IsNullOrEmpty(refresh))
            {
                Degraded = true;
                logger.LogError("Zalo token refresh FAILED ({Error}: {Message}); Zalo messages wait. Re-authorise the OA and run `zalo token set`.", reply.Error, reply.Message);
                return false;
            }

            var lifetime = long.TryParse(reply.Body["expires_in"]?.ToString(), out var seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromHours(25);
            await SaveAsync(new Pair(access, refresh, clock.GetUtcNow() + lifetime));
            Refreshes++;
            logger.LogInformation("Zalo access token refreshed");
            return true;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>A pair the operator got by re-authorising (`zalo token set`).</summary>
    public async Task SetAsync(string accessToken, string refreshToken)
    {
        await SaveAsync(new Pair(accessToken, refreshToken, clock.GetUtcNow().AddHours(24)));
    }

    private async Task SaveAsync(Pair pair)
    {
        await secrets.SaveSecretAsync(ZaloChannel.TokenKey, JsonSerializer.Serialize(pair));
        Degraded = false;
    }
}
