namespace VssBot.Core.Engine;

/// <summary>What a message says when it is one of the words that work at every step
/// (dialogs/commands.yaml names each in snake_case: <c>stop_reminders</c>).</summary>
public enum Command
{
    Back,
    Cancel,
    Help,
    Restart,
    Keep,
    Skip,
    Yes,
    No,
    Menu,
    Erase,
    Handoff,
    Form,
    Status,
    StopReminders,
}
