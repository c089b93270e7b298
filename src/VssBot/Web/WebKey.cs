using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace VssBot.Web;

/// <summary>
/// A web-chat citizen's key: 256 random bits, base64url (43 characters). It is what the
/// API calls <c>conversationId</c>; the store keeps only its SHA-256, as a chat link
/// ("web:{hash}") to the internal conversation id that staff and the audit log see.
/// </summary>
public static class WebKey
{
    public const int Length = 43;

    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>True when <paramref name="key"/> has the shape of a key (checked before any look-up).</summary>
    public static bool IsWellFormed(string? key) =>
        key is { Length: Length } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The chat link that maps a key to its conversation.</summary>
    public static string LinkId(string key) =>
        "web:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(key)));
}
