namespace VssBot.Core.Conversations;

/// <summary>Small secrets VssBot renews itself (a channel's rotating tokens), kept in the
/// store, which is encrypted with the storage key.</summary>
public interface ISecretStore
{
    string? Secret(string key);

    /// <summary>Saves the secret durably before returning (so that a rotated token is never lost).</summary>
    Task SaveSecretAsync(string key, string value);
}
