using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace VssBot.Storage.Postgres;

/// <summary>
/// Personal data is encrypted by VssBot before it reaches PostgreSQL: each value is its JSON,
/// sealed with AES-GCM under a key derived (HKDF-SHA256) from Storage:Password; a 12-byte
/// random nonce and the 16-byte tag travel with it. A database dump alone reveals nothing.
/// </summary>
internal sealed class Sealed(string password)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);
    private readonly byte[] _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(password), 32, info: "vssbot-postgres-v1"u8.ToArray());

    public byte[] Seal<T>(T value) => SealBytes(JsonSerializer.SerializeToUtf8Bytes(value, Json));

    public T Open<T>(byte[] sealedValue) => JsonSerializer.Deserialize<T>(OpenBytes(sealedValue), Json)!;

    public byte[] SealBytes(ReadOnlySpan<byte> plain)
    {
        var output = new byte[12 + 16 + plain.Length];
        RandomNumberGenerator.Fill(output.AsSpan(0, 12));
        using var aes = new AesGcm(_key, 16);
        aes.Encrypt(output.AsSpan(0, 12), plain, output.AsSpan(28), output.AsSpan(12, 16));
        return output;
    }

    public byte[] OpenBytes(byte[] sealedValue)
    {
        var plain = new byte[sealedValue.Length - 28];
        using var aes = new AesGcm(_key, 16);
        aes.Decrypt(sealedValue.AsSpan(0, 12), sealedValue.AsSpan(28), sealedValue.AsSpan(12, 16), plain);
        return plain;
    }
}
