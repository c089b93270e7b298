using VssBot.Core.Dialogs;
using VssBot.Core.Text;

namespace VssBot.Core.Engine;

// Words that work at every step, and what they do: help, back, cancel, restart, keep, skip.
internal sealed partial class EngineTurn
{
    private async Task HandleEndedAsync(Input input)
    {
        if (_engine.Content.Commands.Recognise(input.Text) == "restart")
        {
            await RestartAsync();
            return;
        }

        Say(Texts["ended"], [Texts["restart_button"]], Expects.Choice);
    }

    private async Task HandlePendingAsync(Input input)
    {
        var match = ChoiceMatcher.Match(input.Text, _engine.Prompter.YesNo());
        var pending = _c.Pending;
        if (match.Chosen is null)
        {
            Say(Texts["confirm_yes_no"], [Texts["yes_button"], Texts["no_button"]], Expects.Choice);
            return;
        }

        _c.Pending = null;
        if (match.Chosen.Value == "no")
        {
            Say(Texts["not_cancelled"]);
            AskCurrent();
            return;
        }

        if (pending == "restart")
        {
            await RestartAsync();
            return;
        }

        ForgetAnswers();
        _c.Status = ConversationStatus.Cancelled;
        Say(Texts["cancelled"], [Texts["restart_button"]], Expects.Choice);
    }

    private async Task<bool> HandleCommandAsync(string command)
    {
        switch (command)
        {
            case "help":
                var example = Step.Example is null ? "" : "\n" + Texts.Format("example", ("example", Step.Example));
                Say(Texts["help_title"] + "\n" + (Step.Help ?? _engine.Prompter.Fill(Step.Prompt, _context)) + example);
                AskCurrent();
                return true;
            case "back":
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
                await _machine.BackAsync(previous);
                AskCurrent();
                return true;
            case "cancel" or "restart":
                _c.Pending = command;
                Say(Texts[command == "cancel" ? "confirm_cancel" : "confirm_restart"], [Texts["yes_button"], Texts["no_button"]], Expects.Choice);
                return true;
            case "keep" when _c.Answers.TryGetValue(Step.Id, out var kept):
                await AcceptAsync(kept, null);
                return true;
            case "skip" when Step.Optional:
                // Kept as an empty answer, so that a later change does not ask again.
                await AcceptAsync(Answer.Of("", Texts["skipped"]), null);
                return true;
            case "skip" when Step.Kind is StepKind.Email or StepKind.Text or StepKind.Photo:
                await FailAsync(Texts["not_optional"]);
                return true;
            default:
                return false;
        }
    }

    private async Task RestartAsync()
    {
        if (_c.Status == ConversationStatus.Active)
        {
            ForgetAnswers();
        }
        else
        {
            // A submitted dossier keeps its photos; only the working copy goes.
            _c.Answers.Clear();
        }

        _c.History.Clear();
        _c.ReturnTo = null;
        _c.Offered = null;
        _c.Failures = 0;
        _c.Pending = null;
        _c.Status = ConversationStatus.Active;
        if (_dialog.Version != _engine.Catalog.Current(_dialog.Id).Version)
        {
            _c.DialogVersion = _engine.Catalog.Current(_dialog.Id).Version;
        }

        await _machine.RestartAsync();
        AskCurrent();
    }

    private void ForgetAnswers()
    {
        foreach (var step in _dialog.Steps.Where(s => s.Kind == StepKind.Photo))
        {
            if (_c.Answers.TryGetValue(step.Id, out var photo))
            {
                _result.PhotosToDelete.Add(photo.Value);
            }
        }

        _c.Answers.Clear();
        _c.History.Clear();
        _c.ReturnTo = null;
        _c.Offered = null;
    }
}
