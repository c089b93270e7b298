namespace VssBot.Storage;

/// <summary>
/// How much a storage key is worth, as an attacker guessing it would count: its length
/// times the bits of each character's class (lower, upper, digits, symbols), less for a
/// key made of few distinct characters, and nothing at all for a key that contains a
/// common word or password. Outside Development a key must be worth 32 random bytes.
/// </summary>
public static class KeyStrength
{
    public const int RequiredBits = 256;

    // Words people put in passwords and in example configuration: any of them marks a key as chosen, not random.
    private static readonly string[] Words =
    [
        "password", "passwd", "matkhau", "secret", "changeme", "change-me", "example", "sample", "default", "admin", "root",
        "vssbot", "vssid", "baohiem", "bhxh", "qwerty", "azerty", "letmein", "welcome", "test", "demo", "production", "storage",
        "123456", "abcdef", "iloveyou", "monkey", "dragon", "master", "key-not", "not-for",
    ];

    public static double Bits(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return 0;
        }

        var lower = key.ToLowerInvariant();
        if (Words.Any(w => lower.Contains(w, StringComparison.Ordinal)))
        {
            return 0;
        }

        if (key.All(char.IsAsciiHexDigit))
        {
            // Hexadecimal: four bits a character, if random.
            return key.Length * 4 * Math.Min(1.0, key.Distinct().Count() / Math.Min(key.Length, 16.0) * 1.25);
        }

        var pool = (key.Any(char.IsAsciiLetterLower) ? 26 : 0) + (key.Any(char.IsAsciiLetterUpper) ? 26 : 0)
            + (key.Any(char.IsAsciiDigit) ? 10 : 0) + (key.Any(c => !char.IsAsciiLetterOrDigit(c)) ? 33 : 0);
        var perCharacter = Math.Log2(Math.Max(2, pool));
        // A key of few distinct characters ("aaaa…", "abab…") is not random, however long.
        var distinct = key.Distinct().Count();
        var spread = Math.Min(1.0, distinct / Math.Min(key.Length, (double)pool) * 1.6);
        return key.Length * perCharacter * spread;
    }

    public static bool IsStrong(string key) => Bits(key) >= RequiredBits;

    /// <summary>A new key: 48 random bytes, base64url (64 characters, 384 bits).</summary>
    public static string New() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
