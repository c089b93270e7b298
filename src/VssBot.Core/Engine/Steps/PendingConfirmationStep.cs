namespace VssBot.Core.Engine.Steps;

/// <summary>A question waiting for "yes" or "no" (<see cref="PendingConfirmation"/>) takes the
/// reply before anything else the dialog would do with it.</summary>
internal sealed class PendingConfirmationStep : ITurnStep
{
    public async Task<bool> TryHandleAsync(EngineTurn turn, Input input)
    {
        if (PendingConfirmation.Of(turn.Conversation) is not { } pending)
        {
            return false;
        }

        await turn.HandlePendingAsync(input, pending);
        return true;
    }
}
