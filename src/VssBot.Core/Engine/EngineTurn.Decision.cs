using VssBot.Core.Dialogs;
using VssBot.Core.Domain.Dossiers;

namespace VssBot.Core.Engine;

// What reaches the citizen without their writing first: a staff decision (approval,
// rejection with its reason, or a request to redo some answers or photos, which reopens the
// registration at exactly those steps), a unit's reminder, the "could you log in?" question.
internal sealed partial class EngineTurn
{
    public const string LoginCheckDialog = "login-check";

    /// <summary>The unit's coordinator reminds the person to finish: where they are is asked again.</summary>
    public void Remind(string unitName)
    {
        _c.RemindedAt = _now;
        Say(Texts.Format("unit_reminder", ("unit", unitName)));
        AskCurrent();
    }

    /// <summary>Some days after approval: could the person install VssID and log in?</summary>
    public void AskLogin(Dossier dossier)
    {
        _c.LoginCheck = dossier.Id;
        PendingConfirmation.Set(_c, null);
        _c.History.Add($"{Branch.DialogPrefix}{Dialog.Id}:{_c.StepId}");
        _nav.Enter(LoginCheckDialog);
        AskCurrent();
    }

    public void Decide(Dossier dossier, DossierDecision decision)
    {
        switch (decision.Status)
        {
            case DossierStatus.Approved:
                Say(Texts.Format("decision_approved", ("reference", dossier.Id)));
                return;
            case DossierStatus.Rejected:
                Say(Texts.Format("decision_rejected", ("reference", dossier.Id), ("reason", decision.Reason ?? "")));
                return;
            case DossierStatus.ChangesRequested:
                Reopen(dossier, decision);
                return;
        }
    }

    /// <summary>The registration as submitted, less the steps to redo; the first of them is
    /// asked, then the review (answered steps are passed over), then resubmission.</summary>
    private void Reopen(Dossier dossier, DossierDecision decision)
    {
        var dialog = _engine.Catalog.Current(dossier.DialogId);
        _c.Completed.Remove(dialog.Id);
        foreach (var step in dialog.Steps.Where(s => dossier.Values.ContainsKey(s.Id)))
        {
            var shown = dossier.Fields.FirstOrDefault(f => f.StepId == step.Id)?.Display ?? dossier.Values[step.Id];
            _c.Answers[step.Id] = Answer.Of(dossier.Values[step.Id], shown);
        }

        var redo = dialog.Steps.Where(s => decision.Redo.Contains(s.Id)).ToList();
        foreach (var step in redo)
        {
            _c.Answers.Remove(step.Id);
        }

        var review = dialog.Steps.First(s => s.Kind == StepKind.Review);
        PendingConfirmation.Set(_c, null);
        _nav.Enter(dialog.Id, redo.FirstOrDefault()?.Id ?? review.Id);
        _c.ReturnTo = review.Id;
        _c.Reopened = dossier.Id;
        _c.History.Add(review.Id);
        var labels = string.Join(", ", redo.Select(s => s.Label ?? s.Id));
        Say(Texts.Format("decision_changes", ("reference", dossier.Id), ("fields", labels), ("reason", decision.Reason ?? "")));
        AskCurrent();
    }
}
