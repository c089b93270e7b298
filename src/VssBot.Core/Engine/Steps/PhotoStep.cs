namespace VssBot.Core.Engine.Steps;

/// <summary>A photo: the answer to a photo step (its QR code read when the step reads one),
/// or told it is not needed here.</summary>
internal sealed class PhotoStep : ITurnStep
{
    public bool TryHandle(EngineTurn turn, Input input)
    {
        if (input.Kind != InputKind.Photo)
        {
            return false;
        }

        turn.HandlePhoto(input.Photo!, input.PhotoFindings);
        return true;
    }
}
