using VssBot.Core.Dialogs;

namespace VssBot.Core.Engine;

/// <summary>
/// Where the conversation is, and the only owner of the Stateless machine that moves it: answer
/// (the edge whose condition holds), back, edit from the review, resume at a step, restart,
/// and entering another dialog. One per turn; the machines it rents are given back when the
/// turn finishes.
/// </summary>
internal sealed class Navigator
{
    private readonly DialogEngine _engine;
    private readonly Conversation _c;
    private readonly DateTimeOffset _now;
    private readonly Action<StepContext, StepDefinition> _onEnter;
    private readonly List<StepMachine> _rented = [];
    private StepMachine _machine = null!;

    public Navigator(DialogEngine engine, Conversation conversation, DialogDefinition dialog, DateTimeOffset now, Action<StepContext, StepDefinition> onEnter)
    {
        _engine = engine;
        _c = conversation;
        _now = now;
        _onEnter = onEnter;
        Use(dialog);
    }

    /// <summary>The dialog the conversation is in (a turn may move into another one).</summary>
    public DialogDefinition Dialog { get; private set; } = null!;

    /// <summary>What validators, sources, conditions and actions look at, for <see cref="Dialog"/>.</summary>
    public StepContext Context { get; private set; } = null!;

    public StepDefinition Step => Dialog.Step(_c.StepId);

    public void Answer() => _machine.Answer();

    public void Back(string previous) => _machine.Back(previous);

    public void Edit(string step) => _machine.Edit(step);

    public void Resume(string step) => _machine.Resume(step);

    public void Restart() => _machine.Restart();

    /// <summary>Where an answer to <paramref name="step"/> would lead now, without moving.</summary>
    public string NextOf(StepDefinition step) => StepMachine.NextOf(step, Holds);

    /// <summary>Moves the conversation to another dialog (at its start, or at <paramref name="stepId"/>).
    /// A dialog whose last run was finished starts without that run's answers.</summary>
    public void Enter(string dialogId, string? stepId = null)
    {
        var dialog = _engine.Catalog.Current(dialogId);
        if (stepId is null && _c.Completed.Remove(dialog.Id))
        {
            foreach (var step in dialog.Steps.Where(s => !s.Shared))
            {
                _c.Answers.Remove(step.Id);
                _c.Cleared.Remove(step.Id);
            }
        }

        _c.DialogId = dialog.Id;
        _c.DialogVersion = dialog.Version;
        _c.StepId = stepId ?? dialog.Start;
        _c.Failures = 0;
        _c.Offered = null;
        _c.ReturnTo = null;
        _c.Status = ConversationStatus.Active;
        Use(dialog);
    }

    /// <summary>The turn is done with the conversation: the machines go back to their pool.</summary>
    public void Release()
    {
        foreach (var machine in _rented)
        {
            machine.Return();
        }

        _rented.Clear();
    }

    private void Use(DialogDefinition dialog)
    {
        Dialog = dialog;
        Context = new StepContext(_c, dialog, _engine.Content, _now);
        _machine = StepMachine.Rent(dialog, _c, Holds, step => _onEnter(Context, step));
        _rented.Add(_machine);
    }

    private bool Holds(Branch branch) => branch.Condition switch
    {
        Condition.Always => true,
        Condition.AnswerIs answer => (Context.AnswerOf(answer.Field) == answer.Value) != answer.Negated,
        Condition.Named named => _engine.Behaviours.Conditions[named.Name](Context) != named.Negated,
        _ => throw new InvalidOperationException($"unknown condition {branch.Condition}"),
    };
}
