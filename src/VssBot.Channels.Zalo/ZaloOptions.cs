using System.ComponentModel.DataAnnotations;

namespace VssBot.Channels.Zalo;

/// <summary>Configuration section "Zalo" (environment: Zalo__AppId, …).</summary>
public sealed class ZaloOptions
{
    public const string Section = "Zalo";

    public string? AppId { get; set; }
    public string? AppSecret { get; set; }

    /// <summary>The OA secret key that signs webhooks (X-ZEvent-Signature).</summary>
    public string? OaSecretKey { get; set; }

    /// <summary>The first token pair; later pairs are stored (encrypted) by VssBot itself.</summary>
    public string? AccessToken { get; set; }
    public string? RefreshToken { get; set; }

    [Url(ErrorMessage = "Zalo:ApiBaseUrl must be an absolute URL")]

    public string ApiBaseUrl { get; set; } = "https://openapi.zalo.me";
    [Url(ErrorMessage = "Zalo:OAuthBaseUrl must be an absolute URL")]
    public string OAuthBaseUrl { get; set; } = "https://oauth.zaloapp.com";

    /// <summary>Where VssBot is reachable from outside (the phone request's image is served from it).</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>An image for the "share your phone number" card, when not served by VssBot.</summary>
    public string? ContactImageUrl { get; set; }

    [Range(1, 1000, ErrorMessage = "Zalo:MessagesPerSecond must be between {1} and {2}")]

    public int MessagesPerSecond { get; set; } = 10;

    /// <summary>How long all sending pauses when Zalo answers -32 (too many requests).</summary>
    [Range(1, 3600, ErrorMessage = "Zalo:RateLimitPauseSeconds must be between {1} and {2}")]
    public int RateLimitPauseSeconds { get; set; } = 60;

    /// <summary>Refresh the access token this long before it expires.</summary>
    [Range(1, 1440, ErrorMessage = "Zalo:RefreshAheadMinutes must be between {1} and {2}")]
    public int RefreshAheadMinutes { get; set; } = 60;

    public bool Enabled => !string.IsNullOrWhiteSpace(AppId) && (!string.IsNullOrWhiteSpace(AccessToken) || !string.IsNullOrWhiteSpace(RefreshToken));
}
