namespace VssBot.Core.Engine;

public enum ConversationStatus
{
    Active,

    /// <summary>The dialog reached an end step (submitted, or consent declined).</summary>
    Ended,

    /// <summary>The person cancelled; their answers and photos were deleted.</summary>
    Cancelled,
}
