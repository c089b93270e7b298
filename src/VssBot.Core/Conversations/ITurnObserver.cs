using VssBot.Core.Engine;

namespace VssBot.Core.Conversations;

/// <summary>Sees every turn before its commit and may add writes to it (the staff group
/// on Telegram mirrors handed-off conversations into their topics this way).</summary>
public interface ITurnObserver
{
    void BeforeCommit(TurnResult turn);
}
