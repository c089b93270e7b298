namespace VssBot.Core.Engine;

/// <summary>A staff action that does not fit the conversation's state (claiming one
/// someone else owns, speaking in one not claimed).</summary>
public sealed class StaffActionRefusedException(StaffAction action, HandoffState? state)
    : InvalidOperationException($"{action} is not possible when the conversation is {(state is null ? "with the bot" : state.ToString())}");
