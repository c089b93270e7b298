using VssBot.Core.Dialogs;

namespace VssBot.Core.Engine;

/// <summary>What validators, sources, conditions and actions may look at: the
/// conversation so far, its dialog, the content, and the time (passed in, so the engine
/// stays pure).</summary>
public sealed record StepContext(Conversation Conversation, DialogDefinition Dialog, DialogContent Content, DateTimeOffset Now)
{
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    /// <summary>Today in Vietnam, where the people are.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Now.ToOffset(VietnamOffset).DateTime);

    public string? AnswerOf(string stepId) => Conversation.Answers.GetValueOrDefault(stepId)?.Value;
}
