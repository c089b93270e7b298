namespace VssBot.Core.Engine;

/// <summary>What moves a conversation from one step to another.</summary>
internal enum Trigger
{
    /// <summary>A valid answer: follow the step's edges.</summary>
    Answer,

    /// <summary>"quay lại": the previous step, from the conversation's own history.</summary>
    Back,

    /// <summary>From a review: change one answer.</summary>
    Edit,

    /// <summary>After changing one answer: on to the next missing answer or the review.</summary>
    Resume,

    /// <summary>"bắt đầu lại": to the start.</summary>
    Restart,
}
