namespace VssBot.Core.Engine.Steps;

/// <summary>The order in which a person's message is looked at: the first step that
/// handles it decides the turn. The last one (the answer to the current step) always does.</summary>
internal static class TurnPipeline
{
    public static readonly IReadOnlyList<ITurnStep> Steps =
    [
        new WithPeopleStep(),
        new EndedStep(),
        new PendingConfirmationStep(),
        new RejectedFileStep(),
        new PhotoStep(),
        new ContactStep(),
        new GlobalCommandStep(),
        new ReferenceLookupStep(),
        new InterruptingQuestionStep(),
        new AnswerStep(),
    ];

    public static void Run(EngineTurn turn, Input input)
    {
        foreach (var step in Steps)
        {
            if (step.TryHandle(turn, input))
            {
                return;
            }
        }
    }
}
