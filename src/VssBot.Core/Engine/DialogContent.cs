using VssBot.Core.Dialogs;
using VssBot.Core.Domain.AdminUnits;
using VssBot.Core.Domain.Faq;
using VssBot.Core.Domain.Offices;

namespace VssBot.Core.Engine;

/// <summary>Everything under dialogs/: flows, the engine's texts and command words,
/// administrative units, offices and contacts, the FAQ, staff's canned replies.</summary>
public sealed record DialogContent(
    IReadOnlyDictionary<string, DialogDefinition> Dialogs,
    EngineTexts Texts,
    CommandWords Commands,
    AdminUnitBook Units,
    OfficeDirectory Offices,
    FaqBook Faq,
    IReadOnlyList<string> CannedReplies)
{
    /// <summary>Words people put around an answer (dialogs/answers.yaml).</summary>
    public Text.AnswerWords Answers { get; init; } = Text.AnswerWords.None;

    /// <summary>Staff's reasons for a rejection or a request for changes (dialogs/decisions.yaml).</summary>
    public IReadOnlyList<string> DecisionReasons { get; init; } = [];

    /// <summary>The checks' messages (dialogs/validation.yaml).</summary>
    public required Domain.Validation.ValidationTexts Validation { get; init; }

    /// <summary>How long photos are kept after a decision, and abandoned conversations,
    /// in days (the host's retention settings), for {photoDays} and {abandonedDays}.</summary>
    public (int PhotoDays, int AbandonedDays) Retention { get; init; } = (30, 30);
}
