using System.Buffers.Binary;
using System.Security.Cryptography;

namespace VssBot.Storage;

/// <summary>
/// Seals the journal's records: AES-256-GCM under a key of the segment's own (HKDF of the
/// store's journal key with the segment's random salt), the record's sequence number as
/// nonce and associated data. A sequence number is never reused within a segment, and a
/// segment's key is never reused across segments, so a nonce never repeats under a key.
/// </summary>
internal sealed class JournalCipher : IDisposable
{
    public const int TagSize = 16;
    private readonly AesGcm _aes;

    public JournalCipher(byte[] journalKey, ReadOnlySpan<byte> salt)
    {
        _aes = new AesGcm(HKDF.DeriveKey(HashAlgorithmName.SHA256, journalKey, 32, salt.ToArray(), "vssbot-journal-segment"u8.ToArray()), TagSize);
    }

    /// <summary>The store's journal key, from its password and the salt kept in the file.</summary>
    public static byte[] JournalKey(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(password, salt, 20_000, HashAlgorithmName.SHA256, 32);

    public void Seal(long sequence, ReadOnlySpan<byte> plain, Span<byte> cipher, Span<byte> tag)
    {
        Span<byte> nonce = stackalloc byte[12];
        Span<byte> data = stackalloc byte[8];
        Nonce(sequence, nonce, data);
        _aes.Encrypt(nonce, plain, cipher, tag, data);
    }

    /// <summary>False when the record was not written whole or not with this key.</summary>
    public bool TryOpen(long sequence, ReadOnlySpan<byte> cipher, ReadOnlySpan<byte> tag, Span<byte> plain)
    {
        Span<byte> nonce = stackalloc byte[12];
        Span<byte> data = stackalloc byte[8];
        Nonce(sequence, nonce, data);
        try
        {
            _aes.Decrypt(nonce, cipher, tag, plain, data);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    private static void Nonce(long sequence, Span<byte> nonce, Span<byte> data)
    {
        nonce.Clear();
        BinaryPrimitives.WriteInt64LittleEndian(nonce, sequence);
        BinaryPrimitives.WriteInt64LittleEndian(data, sequence);
    }

    public void Dispose() => _aes.Dispose();
}
