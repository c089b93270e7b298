namespace VssBot.Core.Engine.Steps;

/// <summary>The answer to the current step: checked, stored and the dialog moved on; or, when
/// it does not fit, taken for a later step (answers ahead) or refused kindly.</summary>
internal sealed class AnswerStep : ITurnStep
{
    public bool TryHandle(EngineTurn turn, Input input)
    {
        turn.HandleAnswer(input.Text);
        return true;
    }
}
