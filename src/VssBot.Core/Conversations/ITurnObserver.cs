using VssBot.Core.Engine;

namespace VssBot.Core.Conversations;

/// <summary>Sees every turn before its commit and may add writes to it (the staff group
/// a channel's staff group mirrors handed-off conversations this way).</summary>
public interface ITurnObserver
{
    void BeforeCommit(TurnResult turn);
}
