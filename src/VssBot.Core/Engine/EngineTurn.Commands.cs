using VssBot.Core.Dialogs;
using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Text;

namespace VssBot.Core.Engine;

// Words that work at every step, and what they do: help, back, cancel, restart, keep, skip.
internal sealed partial class EngineTurn
{
    internal void HandleEnded(Input input)
    {
        switch (_engine.Content.Commands.Recognise(input.Text))
        {
            case Command.Restart:
                Restart();
                return;
            case Command.Menu when _engine.Content.Dialogs.ContainsKey(MenuDialog):
                GoToMenu();
                return;
            case Command.Handoff:
                _c.Status = ConversationStatus.Active;
                OfferHandoff();
                return;
        }

        Say(Texts["ended"], [Texts["restart_button"], Texts["menu_button"]], Expects.Choice);
    }

    internal void HandlePending(Input input, PendingConfirmation pending)
    {
        var match = ChoiceMatcher.Match(input.Text, _engine.Prompter.YesNo());
        if (match.Chosen is null)
        {
            Say(Texts["confirm_yes_no"], [Texts["yes_button"], Texts["no_button"]], Expects.Choice);
            return;
        }

        PendingConfirmation.Set(_c, null);
        var yes = match.Chosen.Value == "yes";
        if (pending is PendingConfirmation.Offer offer)
        {
            AnswerCard(yes, offer);
            return;
        }

        if (!yes)
        {
            Say(Texts["not_cancelled"]);
            AskCurrent();
            return;
        }

        switch (pending)
        {
            case PendingConfirmation.Restart:
                Restart();
                return;
            case PendingConfirmation.Erase:
                Erase();
                return;
            case PendingConfirmation.Handoff:
                StartHandoff();
                return;
            case PendingConfirmation.Cancel:
                ForgetAnswers();
                _c.History.Clear();
                _c.Status = ConversationStatus.Cancelled;
                Say(Texts["cancelled"], [Texts["restart_button"], Texts["menu_button"]], Expects.Choice);
                return;
        }
    }

    internal bool HandleCommand(Command command)
    {
        switch (command)
        {
            case Command.Help:
                var example = Step.Example is null ? "" : "\n" + Texts.Format("example", ("example", Step.Example));
                Say(Texts["help_title"] + "\n" + (Step.Help ?? _engine.Prompter.Fill(Step.Prompt, Context)) + example);
                AskCurrent();
                return true;
            case Command.Back when Step.Kind == StepKind.End:
                // What was sent stays sent: no way back into a submitted dossier's answers.
                Say(Texts["sent_no_back"]);
                AskCurrent();
                return true;
            case Command.Back:
                if (_c.History.Count == 0)
                {
                    Say(Texts["first_step"]);
                    AskCurrent();
                    return true;
                }

                var previous = _c.History[^1];
                _c.History.RemoveAt(_c.History.Count - 1);
                _c.Failures = 0;
                _c.Offered = null;
                if (previous.StartsWith(Branch.DialogPrefix))
                {
                    // Back across dialogs: to the step that led into this one.
                    var colon = previous.IndexOf(':');
                    _nav.Enter(previous[1..colon], previous[(colon + 1)..]);
                }
                else
                {
                    _nav.Back(previous);
                }

                AskCurrent();
                return true;
            case Command.Menu when _engine.Content.Dialogs.ContainsKey(MenuDialog):
                GoToMenu();
                return true;
            case Command.Restart when Step.Kind == StepKind.End || !Dialog.Steps.Any(s => !s.Shared && _c.Answers.ContainsKey(s.Id)):
                // Nothing of this run to lose: no need to ask.
                Restart();
                return true;
            case Command.Handoff:
                OfferHandoff();
                return true;
            case Command.Status:
                // The status of this conversation's dossiers, never anyone else's.
                Say(_c.Dossiers.Count == 0 ? Texts["status_none"] : string.Join("\n", _c.Dossiers.Select(DossierStatusLine)));
                AskCurrent();
                return true;
            case Command.Form when _c.Dossiers.LastOrDefault() is { } reference:
                // "gửi lại tờ khai": the last dossier's form 01 again; the step is asked again.
                _result.Files.Add(Domain.RegistrationBehaviours.FormFile(reference));
                AskCurrent();
                return true;
            case Command.Form:
                Say(Texts["form01_none"]);
                AskCurrent();
                return true;
            case Command.StopReminders:
                _c.NoReminders = true;
                Say(Texts["reminders_stopped"]);
                AskCurrent();
                return true;
            case Command.Erase:
                PendingConfirmation.Set(_c, new PendingConfirmation.Erase());
                Say(Texts["confirm_erase"], [Texts["yes_button"], Texts["no_button"]], Expects.Choice);
                return true;
            case Command.Cancel:
                PendingConfirmation.Set(_c, new PendingConfirmation.Cancel());
                Say(Texts["confirm_cancel"], [Texts["yes_button"], Texts["no_button"]], Expects.Choice);
                return true;
            case Command.Restart:
                PendingConfirmation.Set(_c, new PendingConfirmation.Restart());
                Say(Texts["confirm_restart"], [Texts["yes_button"], Texts["no_button"]], Expects.Choice);
                return true;
            case Command.Keep when _c.Answers.TryGetValue(Step.Id, out var kept):
                Accept(kept, null);
                return true;
            case Command.Skip when Step.Optional:
                // Kept as an empty answer, so that a later change does not ask again.
                Accept(Answer.Of("", Texts["skipped"]), null);
                return true;
            case Command.Skip when Step.Kind is StepKind.Email or StepKind.Text or StepKind.Photo:
                Fail(Texts["not_optional"]);
                return true;
            default:
                return false;
        }
    }

    /// <summary>"menu": to the main menu from anywhere; answers are kept, so coming back
    /// to a registration offers them again.</summary>
    private void GoToMenu()
    {
        PendingConfirmation.Set(_c, null);
        if (Dialog.Id != MenuDialog || _c.StepId != Dialog.Start)
        {
            _c.History.Add($"{Branch.DialogPrefix}{Dialog.Id}:{_c.StepId}");
            _nav.Enter(MenuDialog);
        }

        AskCurrent();
    }

    /// <summary>"xóa dữ liệu của tôi", confirmed: the conversation forgets everything and
    /// the store deletes its transcript, photos and dossiers in this turn's commit.</summary>
    private void Erase()
    {
        _result.EraseConversation = true;
        _c.Answers.Clear();
        _c.Guardian.Clear();
        _c.Dossiers.Clear();
        _c.Completed.Clear();
        _c.Cleared.Clear();
        _c.History.Clear();
        _c.StartPayload = null;
        _result.Transcript.Clear();
        Say(Texts["erased"]);
        if (_engine.Content.Dialogs.ContainsKey(MenuDialog))
        {
            _nav.Enter(MenuDialog);
        }
        else
        {
            _nav.Enter(Dialog.Id);
        }

        AskCurrent();
    }

    private void Restart()
    {
        ForgetAnswers();
        _c.Completed.Remove(Dialog.Id);
        _c.History.Clear();
        _c.Failures = 0;
        PendingConfirmation.Set(_c, null);
        _c.Status = ConversationStatus.Active;
        if (Dialog.Version != _engine.Catalog.Current(Dialog.Id).Version)
        {
            _c.DialogVersion = _engine.Catalog.Current(Dialog.Id).Version;
        }

        _nav.Restart();
        AskCurrent();
    }

    /// <summary>Drops this dialog's answers (not shared ones such as consent) and their
    /// photos, unless the run reached its end: then the photos belong to its dossier.</summary>
    private void ForgetAnswers()
    {
        var submitted = _c.Completed.Contains(Dialog.Id);
        foreach (var step in Dialog.Steps.Where(s => !s.Shared))
        {
            if (_c.Answers.Remove(step.Id, out var answer) && step.Kind == StepKind.Photo && !submitted)
            {
                _result.PhotosToDelete.Add(answer.Value);
            }

            _c.Cleared.Remove(step.Id);
        }

        _c.ReturnTo = null;
        _c.Offered = null;
    }

    /// <summary>"VB-…: đã duyệt (…)": a dossier of this conversation as the person reads it.</summary>
    private string DossierStatusLine(string reference) =>
        _engine.Dossiers?.Invoke(reference) is { } dossier && dossier.ConversationId == _c.Id
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
