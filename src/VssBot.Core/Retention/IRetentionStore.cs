using VssBot.Core.Domain.Dossiers;

namespace VssBot.Core.Retention;

/// <summary>Retention and erasure: what is kept too long goes, and a person's data is
/// found and deleted on request, everywhere it was copied.</summary>
public interface IRetentionStore
{
    Task<RetentionSweep> SweepAsync(RetentionOptions options, DateTimeOffset now);

    /// <summary>The conversations holding this BHXH code or ID number (an access or erasure request).</summary>
    IReadOnlyList<string> ConversationsOf(string code);

    Task DeleteConversationsAsync(IReadOnlyList<string> ids);
}
