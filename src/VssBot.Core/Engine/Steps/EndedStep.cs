namespace VssBot.Core.Engine.Steps;

/// <summary>A conversation that ended (submitted, cancelled) takes only restart, menu and
/// handoff; anything else is told how to go on.</summary>
internal sealed class EndedStep : ITurnStep
{
    public async Task<bool> TryHandleAsync(EngineTurn turn, Input input)
    {
        if (turn.Conversation.Status == ConversationStatus.Active)
        {
            return false;
        }

        await turn.HandleEndedAsync(input);
        return true;
    }
}
