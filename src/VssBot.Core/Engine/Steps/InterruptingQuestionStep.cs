using VssBot.Core.Dialogs;

namespace VssBot.Core.Engine.Steps;

/// <summary>A question asked in the middle of a step ("cài VssID ở đâu?") that the FAQ answers
/// confidently: answered, then the step is asked again. At a FAQ step every text is a question
/// for the answer step.</summary>
internal sealed class InterruptingQuestionStep : ITurnStep
{
    public bool TryHandle(EngineTurn turn, Input input) =>
        turn.CurrentStep.Kind != StepKind.Faq && turn.FaqBookAnswers(input.Text);
}
