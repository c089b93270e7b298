using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using VssBot.Core.Conversations;

namespace VssBot.Staff.Identity;

/// <summary>
/// The staff sign-in key ring kept in the store (PostgreSQL), so that every instance on one
/// database reads and signs the same cookies. The keys are already encrypted with the
/// storage key (<see cref="StoreKeyXmlEncryptor"/>) before they get here.
/// </summary>
public sealed class StoreXmlRepository(ISecretStore secrets) : IXmlRepository
{
    private const string Key = "dataprotection:keys";
    private static readonly Lock Gate = new();

    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. Stored().Select(XElement.Parse)];

    public void StoreElement(XElement element, string friendlyName)
    {
        lock (Gate)
        {
            var all = Stored();
            all.Add(element.ToString(SaveOptions.DisableFormatting));
            secrets.SaveSecretAsync(Key, JsonSerializer.Serialize(all)).GetAwaiter().GetResult();
        }
    }

    private List<string> Stored() =>
        secrets.Secret(Key) is { } json ? JsonSerializer.Deserialize<List<string>>(json) ?? [] : [];
}
