namespace VssBot.Core.Engine.Steps;

/// <summary>A shared contact: the answer to a phone step, or told it is not needed here.</summary>
internal sealed class ContactStep : ITurnStep
{
    public bool TryHandle(EngineTurn turn, Input input)
    {
        if (input.Kind != InputKind.Contact)
        {
            return false;
        }

        turn.HandleContact(input);
        return true;
    }
}
