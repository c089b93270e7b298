namespace VssBot.Core.Engine;

public enum HandoffState
{
    Waiting,
    WithStaff,
}
