namespace VssBot.Core.Engine.Steps;

/// <summary>A file the channel refused (too large, not a picture): its reason is said, with
/// the current step's buttons.</summary>
internal sealed class RejectedFileStep : ITurnStep
{
    public bool TryHandle(EngineTurn turn, Input input)
    {
        if (input.Kind != InputKind.RejectedFile)
        {
            return false;
        }

        turn.SayWithStep(input.Text);
        return true;
    }
}
