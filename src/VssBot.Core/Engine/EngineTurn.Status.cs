using VssBot.Core.Dialogs;
using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Text;

namespace VssBot.Core.Engine;

// A dossier's status as its person reads it, asked by reference or by "tình trạng hồ sơ".
internal sealed partial class EngineTurn
{
    /// <summary>"VB-…: đã duyệt (…)": a dossier of this conversation as the person reads it.</summary>
    private string DossierStatusLine(string reference) =>
        Facts.Dossiers.GetValueOrDefault(reference) is { } dossier && dossier.ConversationId == _c.Id
            ? Texts.Format("status_line", ("reference", reference), ("status", Texts["status_" + dossier.Status.Word()]), ("reason", dossier.Reason is null ? "" : " " + dossier.Reason))
            : Texts.Format("status_line", ("reference", reference), ("status", Texts["status_submitted"]), ("reason", ""));

    /// <summary>A reference typed alone ("VB-…"): its status when it is this conversation's.</summary>
    internal bool AnswerReference(string text)
    {
        var typed = text.Trim().ToUpperInvariant();
        if (!System.Text.RegularExpressions.Regex.IsMatch(typed, "^VB-[0-9A-Z]{8,10}$"))
        {
            return false;
        }

        Say(_c.Dossiers.Contains(typed) ? DossierStatusLine(typed) : Texts["status_not_yours"]);
        AskCurrent();
        return true;
    }
}
