using VssBot.Core.Dialogs;
using VssBot.Core.Text;

namespace VssBot.Core.Engine;

// What follows an answer: kept (voiding what it clears), the dialog moved on (skipping what
// is answered when changing one answer from the review), or refused with help on the third try.
internal sealed partial class EngineTurn
{
    private void Accept(Answer answer, string? note)
    {
        var step = Step;
        var old = _c.Answers.GetValueOrDefault(step.Id);
        _c.Answers[step.Id] = answer;
        if (old is not null && old.Value != answer.Value)
        {
            foreach (var cleared in step.Clears)
            {
                if (!_c.Cleared.Contains(cleared))
                {
                    _c.Cleared.Add(cleared);
                }

                if (_c.Answers.Remove(cleared, out var gone) && Dialog.Step(cleared).Kind == StepKind.Photo)
                {
                    _result.PhotosToDelete.Add(gone.Value);
                }
            }
        }

        if (note is not null)
        {
            Say(note);
        }

        Advance();
    }

    private void Advance()
    {
        var step = Step;
        _c.Failures = 0;
        _c.Offered = null;
        _c.History.Add(step.Id);
        var next = _nav.NextOf(step);
        if (_c.ReturnTo is { } review)
        {
            // Changing one answer: skip what is already answered, stop at the first
            // gap the change opened, or at the review.
            var target = next;
            for (var guard = 0; target != review && !target.StartsWith(Branch.DialogPrefix) && _c.Answers.ContainsKey(target) && guard < Dialog.Steps.Count; guard++)
            {
                target = _nav.NextOf(Dialog.Step(target));
            }

            if (target == review)
            {
                _c.ReturnTo = null;
            }

            if (target != next)
            {
                Move(() => _nav.Resume(target));
                return;
            }
        }

        Move(_nav.Answer);
    }

    private void Fail(string error)
    {
        var step = Step;
        _c.Failures++;
        _result.FailedStep = (Dialog.Id, step.Id);
        var buttons = step.Kind is StepKind.Choice or StepKind.YesNo ? _engine.Prompter.ButtonsFor(Context, step) : [];
        if (_c.Failures % 3 != 0)
        {
            Say(error, buttons, Prompter.ExpectsOf(step));
            return;
        }

        // Third failure in a row: stop repeating; explain differently, offer people.
        var example = step.Example is null ? "" : "\n" + Texts.Format("example", ("example", step.Example));
        Say(error);
        Say(Texts["stuck"] + "\n" + (step.Help ?? _engine.Prompter.Fill(step.Prompt, Context)) + example);
        Say(Texts["contacts_offer"] + "\n" + Contacts(), [.. buttons, Texts["handoff_button"]], Prompter.ExpectsOf(step));
    }
}
