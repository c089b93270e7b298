using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using VssBot.Storage;

namespace VssBot.Staff.Identity;

/// <summary>
/// Encrypts the Data Protection key ring (which signs the staff cookies) with the storage
/// key: AES-GCM under a key derived (HKDF-SHA256) from <c>Storage:Password</c>. A copy of
/// the data folder without the password cannot forge a cookie.
/// </summary>
public sealed class StoreKeyXmlEncryptor(string password) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(12);
        var tag = new byte[16];
        var cipher = new byte[plain.Length];
        using (var aes = new AesGcm(StoreKeyXml.Key(password), tag.Length))
        {
            aes.Encrypt(nonce, plain, cipher, tag);
        }

        var element = new XElement("encryptedKey",
            new XComment(" The key ring, encrypted with the storage key (AES-256-GCM). "),
            new XElement("value", Convert.ToBase64String([.. nonce, .. tag, .. cipher])));
        return new EncryptedXmlInfo(element, typeof(StoreKeyXmlDecryptor));
    }
}

/// <summary>Made by Data Protection from the key file's decryptor type, with the services.</summary>
public sealed class StoreKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var password = services.GetRequiredService<StoreOptions>().Password!;
        var bytes = Convert.FromBase64String((string)encryptedElement.Element("value")!);
        var plain = new byte[bytes.Length - 28];
        using (var aes = new AesGcm(StoreKeyXml.Key(password), 16))
        {
            aes.Decrypt(bytes.AsSpan(0, 12), bytes.AsSpan(28), bytes.AsSpan(12, 16), plain);
        }

        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}

internal static class StoreKeyXml
{
    public static byte[] Key(string password) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(password), 32, info: "vssbot data-protection key ring"u8.ToArray());
}
