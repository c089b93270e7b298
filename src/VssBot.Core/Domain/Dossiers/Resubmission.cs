namespace VssBot.Core.Domain.Dossiers;

/// <summary>A dossier sent again after staff asked for changes: its next version, with the
/// earlier ones kept, and what happened to it outside the chat carried over (its unit, the
/// form 01 tick, the discrepancies reported). Every store applies it the same way.</summary>
public static class Resubmission
{
    public static void CarryOver(Dossier dossier, Dossier earlier)
    {
        dossier.Version = earlier.Version + 1;
        dossier.History = [.. earlier.History, new DossierVersion
        {
            Version = earlier.Version, SubmittedAt = earlier.CreatedAt, Fields = earlier.Fields, Redo = earlier.Redo, Reason = earlier.Reason,
        }];
        dossier.GuardianDossierId ??= earlier.GuardianDossierId;
        dossier.UnitCode ??= earlier.UnitCode;
        dossier.Form01ReceivedAt ??= earlier.Form01ReceivedAt;
        dossier.Discrepancies = [.. earlier.Discrepancies, .. dossier.Discrepancies];
    }
}
