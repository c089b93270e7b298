using VssBot.Core.Engine;

namespace VssBot.Core.Conversations;

/// <summary>
/// The one way to take part in every committed turn (registered in DI; the conversation
/// service calls each): before the commit a hook may add writes to it (a channel's staff group
/// mirrors handed-off conversations), after it a hook may tell others (open staff pages, other
/// instances). What it does after the commit never undoes the turn: a failure is its own.
/// </summary>
public interface ITurnHook
{
    void BeforeCommit(TurnResult turn)
    {
    }

    void AfterCommit(TurnResult turn)
    {
    }
}
