namespace VssBot.Core.Engine.Steps;

/// <summary>A question waiting for "yes" or "no" (<see cref="PendingConfirmation"/>) takes the
/// reply before anything else the dialog would do with it.</summary>
internal sealed class PendingConfirmationStep : ITurnStep
{
    public bool TryHandle(EngineTurn turn, Input input)
    {
        if (PendingConfirmation.Of(turn.Conversation) is not { } pending)
        {
            return false;
        }

        turn.HandlePending(input, pending);
        return true;
    }
}
