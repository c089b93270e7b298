using VssBot.Core.Dialogs;
using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Text;

namespace VssBot.Core.Engine;

// Words that work at every step, and what they do: help, back, cancel, restart, keep, skip.
internal sealed partial class EngineTurn
{
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
                _result.Files.Add(_engine.Behaviours.FormFile(reference));
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
}
