using System.Security.Cryptography;
using System.Text;

namespace VssBot.Channels.Zalo;

/// <summary>
/// Zalo's webhook signature: header <c>X-ZEvent-Signature: mac=&lt;hex&gt;</c> where
/// hex = SHA-256(app_id + raw body + timestamp + OA secret key), a plain hash of the
/// concatenation (not an HMAC), over the raw bytes as received; compared in constant time.
/// </summary>
public static class ZaloSignature
{
    public const string Header = "X-ZEvent-Signature";

    public static string Mac(string appId, ReadOnlySpan<byte> body, string timestamp, string secretKey)
    {
        var data = new byte[Encoding.UTF8.GetByteCount(appId) + body.Length + Encoding.UTF8.GetByteCount(timestamp) + Encoding.UTF8.GetByteCount(secretKey)];
        var at = Encoding.UTF8.GetBytes(appId, data);
        body.CopyTo(data.AsSpan(at));
        at += body.Length;
        at += Encoding.UTF8.GetBytes(timestamp, data.AsSpan(at));
        Encoding.UTF8.GetBytes(secretKey, data.AsSpan(at));
        return Convert.ToHexStringLower(SHA256.HashData(data));
    }

    public static bool Matches(string? header, string appId, ReadOnlySpan<byte> body, string timestamp, string secretKey)
    {
        if (header is null || !header.StartsWith("mac=", StringComparison.Ordinal))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Mac(appId, body, timestamp, secretKey));
        var given = Encoding.ASCII.GetBytes(header[4..].Trim().ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
