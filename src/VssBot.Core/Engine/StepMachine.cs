using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Stateless;
using Stateless.Graph;
using VssBot.Core.Dialogs;

namespace VssBot.Core.Engine;

/// <summary>
/// A dialog as a Stateless machine whose state is the conversation's current step,
/// read and written through Stateless's external state accessor, so the machine is
/// rebuilt around any stored conversation. Conditional edges become guarded
/// transitions in which exactly the first holding edge is permitted.
/// Configuring a machine is the costly part (a dialog's every step, edge and guard), so it is
/// done once per dialog version: machines are rented for a turn, bound to its conversation,
/// and given back when the turn is finished (the configuration never changes; the state lives
/// in the conversation).
/// </summary>
internal sealed class StepMachine
{
    private static readonly ConditionalWeakTable<DialogDefinition, ConcurrentBag<StepMachine>> Pools = new();

    private readonly ConcurrentBag<StepMachine> _pool;
    private readonly StateMachine<string, Trigger> _machine;
    private readonly StateMachine<string, Trigger>.TriggerWithParameters<string> _back;
    private readonly StateMachine<string, Trigger>.TriggerWithParameters<string> _edit;
    private readonly StateMachine<string, Trigger>.TriggerWithParameters<string> _resume;

    // What the rented machine works on for one turn.
    // (Stateless reads the state while it is being built, so an unbound machine reads a blank one.)
    private static readonly Conversation Unbound = new();
    private Conversation _conversation = Unbound;
    private Func<Branch, bool> _holds = null!;
    private Action<StepDefinition> _onEnter = null!;

    private StepMachine(DialogDefinition dialog, ConcurrentBag<StepMachine> pool)
    {
        _pool = pool;
        _machine = new StateMachine<string, Trigger>(() => _conversation.StepId, s => _conversation.StepId = s);
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
                state.PermitIf(Trigger.Answer, edges[i].Goto, () => FirstHolding(edges, _holds) == index, edges[i].When);
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
                state.OnEntry(() => _onEnter(entered), step.OnEnter);
            }
        }
    }

    /// <summary>A machine of the dialog, bound to the conversation until <see cref="Return"/>.</summary>
    public static StepMachine Rent(DialogDefinition dialog, Conversation conversation, Func<Branch, bool> holds, Action<StepDefinition> onEnter)
    {
        var pool = Pools.GetValue(dialog, _ => []);
        if (!pool.TryTake(out var machine))
        {
            machine = new StepMachine(dialog, pool);
        }

        (machine._conversation, machine._holds, machine._onEnter) = (conversation, holds, onEnter);
        return machine;
    }

    /// <summary>Given back after the turn (not after a failed one: it is simply dropped).</summary>
    public void Return()
    {
        (_conversation, _holds, _onEnter) = (Unbound, null!, null!);
        _pool.Add(this);
    }

    public void Answer() => _machine.Fire(Trigger.Answer);

    public void Back(string previous) => _machine.Fire(_back, previous);

    public void Edit(string step) => _machine.Fire(_edit, step);

    public void Resume(string step) => _machine.Fire(_resume, step);

    public void Restart() => _machine.Fire(Trigger.Restart);

    /// <summary>Where an answer would lead now, without moving.</summary>
    public static string NextOf(StepDefinition step, Func<Branch, bool> holds)
    {
        var edges = step.Edges.ToList();
        return edges[FirstHolding(edges, holds)].Goto;
    }

    public static string ToMermaid(DialogDefinition dialog)
    {
        var machine = new StepMachine(dialog, []) { _conversation = new Conversation { StepId = dialog.Start }, _holds = _ => true, _onEnter = _ => { } };
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
