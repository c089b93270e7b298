namespace VssBot.Core.Engine.Steps;

/// <summary>A conversation that ended (submitted, cancelled) takes only restart, menu and
/// handoff; anything else is told how to go on.</summary>
internal sealed class EndedStep : ITurnStep
{
    public bool TryHandle(EngineTurn turn, Input input)
    {
        if (turn.Conversation.Status == ConversationStatus.Active)
        {
            return false;
        }

        turn.HandleEnded(input);
        return true;
    }
}
