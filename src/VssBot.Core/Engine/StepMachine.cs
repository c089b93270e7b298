using Stateless;
using Stateless.Graph;
using VssBot.Core.Dialogs;

namespace VssBot.Core.Engine;

/// <summary>
/// A dialog as a Stateless machine whose state is the conversation's current step,
/// read and written through Stateless's external state accessor, so the machine is
/// rebuilt around any stored conversation. Conditional edges become guarded
/// transitions in which exactly the first holding edge is permitted.
/// </summary>
internal sealed class StepMachine
{
    private readonly StateMachine<string, Trigger> _machine;
    private readonly StateMachine<string, Trigger>.TriggerWithParameters<string> _back;
    private readonly StateMachine<string, Trigger>.TriggerWithParameters<string> _edit;
    private readonly StateMachine<string, Trigger>.TriggerWithParameters<string> _resume;

    public StepMachine(DialogDefinition dialog, Conversation conversation, Func<Branch, bool> holds, Action<StepDefinition> onEnter)
    {
        _machine = new StateMachine<string, Trigger>(() => conversation.StepId, s => conversation.StepId = s);
        _back = _machine.SetTriggerParameters<string>(Trigger.Back);
        _edit = _machine.SetTriggerParameters<string>(Trigger.Edit);
        _resume = _machine.SetTriggerParameters<string>(Trigger.Resume);
        foreach (var step in dialog.Steps)
        {
            var state = _machine.Configure(step.Id);
            var edges = step.Edges.ToList();
            for (var i = 0; i < edges.Count; i++)
            {
                var index = i;
                state.PermitIf(Trigger.Answer, edges[i].Goto, () => FirstHolding(edges, holds) == index, edges[i].When);
            }

            if (step.Kind != StepKind.End)
            {
                state.PermitDynamic(_back, target => target, "previous step");
                state.PermitDynamic(_resume, target => target, "next missing answer");
            }

            if (step.Kind == StepKind.Review)
            {
                state.PermitDynamic(_edit, target => target, "change one answer");
            }

            if (step.Id == dialog.Start)
            {
                state.PermitReentry(Trigger.Restart);
            }
            else
            {
                state.Permit(Trigger.Restart, dialog.Start);
            }

            if (step.OnEnter is not null)
            {
                var entered = step;
                state.OnEntry(() => onEnter(entered), step.OnEnter);
            }
        }
    }

    public Task AnswerAsync() => _machine.FireAsync(Trigger.Answer);

    public Task BackAsync(string previous) => _machine.FireAsync(_back, previous);

    public Task EditAsync(string step) => _machine.FireAsync(_edit, step);

    public Task ResumeAsync(string step) => _machine.FireAsync(_resume, step);

    public Task RestartAsync() => _machine.FireAsync(Trigger.Restart);

    /// <summary>Where an answer would lead now, without moving.</summary>
    public static string NextOf(StepDefinition step, Func<Branch, bool> holds)
    {
        var edges = step.Edges.ToList();
        return edges[FirstHolding(edges, holds)].Goto;
    }

    public static string ToMermaid(DialogDefinition dialog)
    {
        var conversation = new Conversation { StepId = dialog.Start };
        var machine = new StepMachine(dialog, conversation, _ => true, _ => { });
        return MermaidGraph.Format(machine._machine.GetInfo());
    }

    private static int FirstHolding(List<Branch> edges, Func<Branch, bool> holds)
    {
        for (var i = 0; i < edges.Count; i++)
        {
            if (holds(edges[i]))
            {
                return i;
            }
        }

        return edges.Count - 1;
    }
}
