using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace VssBot.Channels.Telegram;

/// <summary>The secret Telegram sends with every webhook call: configured, or made at
/// start-up (the webhook is registered again at every start).</summary>
internal sealed class TelegramWebhookSecret(IOptions<TelegramOptions> options)
{
    public string Value { get; } = string.IsNullOrWhiteSpace(options.Value.WebhookSecret)
        ? Convert.ToHexString(RandomNumberGenerator.GetBytes(24))
        : options.Value.WebhookSecret;

    /// <summary>Constant-time, so that the comparison leaks nothing of the secret.</summary>
    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), Encoding.UTF8.GetBytes(Value));
}
