using VssBot.Core.Dialogs;
using VssBot.Core.Domain.Validation;

namespace VssBot.Core.Engine;

// Answers typed ahead of their question: a phone number at the address step, a CCCD
// number at the "which document?" step. Each step that takes answers ahead says so in its
// dialog file ("ahead: true"); its validator is what its answers look like.
internal sealed partial class EngineTurn
{
    /// <summary>Called when the current step cannot use <paramref name="text"/>: when exactly
    /// one later step of the dialog takes it, it is kept for that step (with what it implies)
    /// and the person is told; true then.</summary>
    private bool TryAhead(string text)
    {
        var current = Step;
        if (current.Shared)
        {
            // Nothing is kept before the person agrees to it (the consent step).
            return false;
        }

        var bare = _engine.Content.Answers.Unwrap(text);
        var index = StepIndex(current.Id);
        var takers = new List<(StepDefinition Step, Validation Result)>();
        foreach (var later in Dialog.Steps.Skip(index + 1).Where(s => s.Ahead && !_c.Answers.ContainsKey(s.Id)))
        {
            var result = WithImplied(later, () => _engine.Behaviours.Validators[ValidatorOf(later)](bare, Context));
            if (result.IsValid)
            {
                takers.Add((later, result));
            }
        }

        if (takers.Count != 1)
        {
            return takers.Count == 0 && OfferEarlier(current, index, bare);
        }

        var (step, answer) = takers[0];
        foreach (var (id, value) in step.Implies)
        {
            _c.Answers[id] = Answer.Of(value, Dialog.Step(id).Choices.FirstOrDefault(c => c.Value == value)?.Label ?? value);
        }

        _c.Answers[step.Id] = Answer.Of(answer.Value!, answer.Display);
        _c.Ahead.Add(step.Id);
        var told = Texts.Format("ahead_taken", ("label", step.Label ?? step.Id), ("answer", answer.Display ?? answer.Value!));
        if (step.Implies.ContainsKey(current.Id))
        {
            // The answer settles the current step too: go on.
            Say(told);
            Advance();
            return true;
        }

        Say(told + " " + Texts["ahead_still_here"]);
        AskCurrent();
        return true;
    }

    /// <summary>Several answers in one message, separated as people separate them (commas,
    /// semicolons, lines): "Nguyễn Văn An, 05/03/1990, 001090001234" at the name step. When each
    /// part is the answer of exactly one step (this one, or a later one that takes answers
    /// ahead), each is kept at its own step, the person is told what was kept, and the dialog
    /// goes on; otherwise nothing is taken here.</summary>
    private bool TrySeveral(string text)
    {
        var parts = text.Split([',', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var current = Step;
        if (parts.Length < 2 || current.Shared || current.Validator is null && current.Kind is not (StepKind.Phone or StepKind.Date or StepKind.Email))
        {
            return false;
        }

        var index = StepIndex(current.Id);
        var later = Dialog.Steps.Skip(index + 1).Where(s => s.Ahead && !_c.Answers.ContainsKey(s.Id)).ToList();
        Validation? mine = null;
        var taken = new List<(StepDefinition Step, Validation Result)>();
        foreach (var part in parts.Select(_engine.Content.Answers.Unwrap))
        {
            var here = _engine.Behaviours.Validators[ValidatorOf(current)](part, Context);
            var takers = later.Where(s => taken.All(t => t.Step != s))
                .Select(s => (Step: s, Result: WithImplied(s, () => _engine.Behaviours.Validators[ValidatorOf(s)](part, Context))))
                .Where(t => t.Result.IsValid).ToList();
            if (here.IsValid && mine is null && takers.Count == 0)
            {
                mine = here;
            }
            else if (!here.IsValid && takers.Count == 1)
            {
                taken.Add(takers[0]);
            }
            else
            {
                return false; // a part no step takes, or one several steps could take
            }
        }

        if (mine is null || taken.Count == 0)
        {
            return false;
        }

        foreach (var (step, result) in taken)
        {
            foreach (var (id, value) in step.Implies.Where(i => !_c.Answers.ContainsKey(i.Key)))
            {
                // What the answer implies (a 12-digit number is a CCCD) is passed over too.
                _c.Answers[id] = Answer.Of(value, Dialog.Step(id).Choices.FirstOrDefault(c => c.Value == value)?.Label ?? value);
                _c.Ahead.Add(id);
            }

            _c.Answers[step.Id] = Answer.Of(result.Value!, result.Display);
            _c.Ahead.Add(step.Id);
        }

        var kept = taken.Prepend((current, mine)).Select(t => $"• {t.Item1.Label ?? t.Item1.Id}: {t.Item2.Display ?? t.Item2.Value}");
        Accept(Answer.Of(mine.Value!, mine.Display), Texts.Format("ahead_several", ("lines", string.Join("\n", kept))) + (mine.Note is { } note ? "\n" + note : ""));
        return true;
    }

    private int StepIndex(string stepId) => Dialog.Steps.ToList().FindIndex(s => s.Id == stepId);

    /// <summary>The answer to an earlier step typed again here (a BHYT card number at the name
    /// step): when it differs from what that step holds, offered as its new answer.</summary>
    private bool OfferEarlier(StepDefinition current, int index, string bare)
    {
        var earlier = Dialog.Steps.Take(index).Where(s => s.Ahead)
            .Select(s => (Step: s, Result: _engine.Behaviours.Validators[ValidatorOf(s)](bare, Context)))
            .Where(t => t.Result.IsValid)
            .ToList();
        if (earlier.Count != 1)
        {
            return false;
        }

        var (step, result) = earlier[0];
        var label = step.Label ?? step.Id;
        if (_c.Answers.TryGetValue(step.Id, out var given) && given.Value == result.Value)
        {
            Say(Texts.Format("ahead_same", ("label", label)));
            AskCurrent();
            return true;
        }

        PendingConfirmation.Set(_c, new PendingConfirmation.Offer(OfferKind.Fix, new Dictionary<string, Answer> { [step.Id] = Answer.Of(result.Value!, result.Display) }));
        Say(Texts.Format("ahead_earlier", ("label", label), ("answer", result.Display ?? result.Value!), ("was", given?.Display ?? "")), [Texts["yes_button"], Texts["no_button"]], Expects.Choice);
        return true;
    }

    /// <summary>When the dialog reaches a step answered ahead, it goes straight on.</summary>
    private bool PassOverAnsweredAhead() => _c.Ahead.Remove(_c.StepId) && _c.Answers.ContainsKey(_c.StepId);

    private T WithImplied<T>(StepDefinition step, Func<T> run)
    {
        var added = step.Implies.Where(i => !_c.Answers.ContainsKey(i.Key)).ToList();
        foreach (var (id, value) in added)
        {
            _c.Answers[id] = Answer.Of(value, value);
        }

        try
        {
            return run();
        }
        finally
        {
            foreach (var (id, _) in added)
            {
                _c.Answers.Remove(id);
            }
        }
    }

    private static string ValidatorOf(StepDefinition step) => step.Validator ?? step.Kind switch
    {
        StepKind.Phone => "phone",
        StepKind.Date => "birthDate",
        StepKind.Email => "email",
        _ => throw new InvalidOperationException($"step '{step.Id}' has no validator"),
    };
}
