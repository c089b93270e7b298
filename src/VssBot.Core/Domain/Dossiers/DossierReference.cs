using System.Security.Cryptography;
using System.Text;

namespace VssBot.Core.Domain.Dossiers;

/// <summary>
/// Dossier references derived from the conversation, how many dossiers it already has and
/// how many references were found taken: the same turn replayed after a crash yields the
/// same reference, so a dossier is never created twice; a reference already used by
/// another conversation is refused by the store and the turn runs again with the next
/// attempt. Ten characters of base 32 (50 bits): about 10^15 references, so that even
/// with 100 million dossiers a collision is rare and a reference is not guessed.
/// References of eight characters made before stay valid (they are looked up as typed).
/// </summary>
public static class DossierReference
{
    // Crockford's base 32: no I, L, O, U, easy to read out over the phone.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 10;

    public static string For(string conversationId, int ordinal, int attempt = 0)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(attempt == 0 ? $"{conversationId}#{ordinal}" : $"{conversationId}#{ordinal}#{attempt}"));
        var builder = new StringBuilder("VB-");
        for (var i = 0; i < Length; i++)
        {
            builder.Append(Alphabet[hash[i] & 31]);
        }

        return builder.ToString();
    }
}
