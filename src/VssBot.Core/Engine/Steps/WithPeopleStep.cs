namespace VssBot.Core.Engine.Steps;

/// <summary>While people have the conversation (waiting or with staff), everything the person
/// sends is kept for them; only "quay lại"/"hủy" in the queue returns to the bot.</summary>
internal sealed class WithPeopleStep : ITurnStep
{
    public bool TryHandle(EngineTurn turn, Input input)
    {
        if (turn.Conversation.Handoff is null)
        {
            return false;
        }

        turn.HandleWithPeople(input);
        return true;
    }
}
