using VssBot.Core.Domain.Dossiers;

namespace VssBot.Core.Engine;

/// <summary>
/// What a turn may need from the store, loaded before it (under the conversation's lock), so
/// that the turn itself runs on memory: the conversation's own dossiers, for their status.
/// </summary>
public sealed record TurnFacts(IReadOnlyDictionary<string, Dossier> Dossiers)
{
    public static readonly TurnFacts None = new(new Dictionary<string, Dossier>());

    /// <summary>The conversation's dossiers as <paramref name="find"/> gives them (only its own are asked).</summary>
    public static TurnFacts For(Conversation conversation, Func<string, Dossier?> find) =>
        conversation.Dossiers.Count == 0
            ? None
            : new(conversation.Dossiers.Distinct().Select(find).OfType<Dossier>().Where(d => d.ConversationId == conversation.Id).ToDictionary(d => d.Id));
}
