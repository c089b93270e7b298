namespace VssBot.Core.Engine.Steps;

/// <summary>Words that work at every step (dialogs/commands.yaml): help, back, menu, restart,
/// cancel, erase, handoff, status, form, keep, skip, stop reminders. A command that does not
/// apply here (skip at a required step…) is left to the next steps.</summary>
internal sealed class GlobalCommandStep : ITurnStep
{
    public bool TryHandle(EngineTurn turn, Input input) =>
        turn.Commands.Recognise(input.Text) is { } command && turn.HandleCommand(command);
}
