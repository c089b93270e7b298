using System.ComponentModel.DataAnnotations;

namespace VssBot.Web;

/// <summary>Configuration section "RateLimits": limits per client address (behind a
/// reverse proxy, the address it forwards; see <see cref="ProxyOptions"/>). The defaults
/// let a school's computer room (40 people behind one address) register at once.
/// Messages per conversation stay under "Flood" (Burst, PerMinute).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>New conversations one address may open at once, then per minute.</summary>
    [Range(1, 1000000, ErrorMessage = "RateLimits:ConversationsBurst must be between {1} and {2}")]
    public int ConversationsBurst { get; set; } = 80;
    [Range(1, 1000000, ErrorMessage = "RateLimits:ConversationsPerMinute must be between {1} and {2}")]
    public int ConversationsPerMinute { get; set; } = 20;

    /// <summary>Photos one address may upload at once, then per minute.</summary>
    [Range(1, 1000000, ErrorMessage = "RateLimits:PhotosBurst must be between {1} and {2}")]
    public int PhotosBurst { get; set; } = 160;
    [Range(1, 1000000, ErrorMessage = "RateLimits:PhotosPerMinute must be between {1} and {2}")]
    public int PhotosPerMinute { get; set; } = 60;

    /// <summary>Requests for a person one address may make per hour.</summary>
    [Range(1, 1000000, ErrorMessage = "RateLimits:HandoffsPerHour must be between {1} and {2}")]
    public int HandoffsPerHour { get; set; } = 60;

    /// <summary>Staff sign-in attempts one address may make per minute.</summary>
    [Range(1, 1000000, ErrorMessage = "RateLimits:LoginsPerMinute must be between {1} and {2}")]
    public int LoginsPerMinute { get; set; } = 10;

    /// <summary>People waiting for staff in one office's queue at most.</summary>
    [Range(1, 1000000, ErrorMessage = "RateLimits:MaxWaitingPerOffice must be between {1} and {2}")]
    public int MaxWaitingPerOffice { get; set; } = 100;

    /// <summary>Largest JSON body read, in bytes.</summary>
    [Range(1024, 16777216, ErrorMessage = "RateLimits:MaxJsonBytes must be between {1} and {2}")]
    public int MaxJsonBytes { get; set; } = 64 * 1024;
}

/// <summary>Configuration section "Proxy": the reverse proxies whose X-Forwarded-For and
/// X-Forwarded-Proto are believed (addresses or CIDR networks). Loopback is always known.</summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    public List<string> KnownProxies { get; set; } = [];
    public List<string> KnownNetworks { get; set; } = [];
}
