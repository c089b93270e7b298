using System.Security.Cryptography;
using System.Text;

namespace VssBot.Core.Domain.Dossiers;

/// <summary>
/// Dossier references derived from the conversation and how many dossiers it already
/// has: the same turn replayed after a crash yields the same reference, so a dossier is
/// never created twice.
/// </summary>
public static class DossierReference
{
    // Crockford's base 32: no I, L, O, U, easy to read out over the phone.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string For(string conversationId, int ordinal)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{conversationId}#{ordinal}"));
        var builder = new StringBuilder("VB-");
        for (var i = 0; i < 8; i++)
        {
            builder.Append(Alphabet[hash[i] & 31]);
        }

        return builder.ToString();
    }
}
