using VssBot.Core.Engine;

namespace VssBot.Core.Conversations;

/// <summary>A channel that needs to carry messages people did not ask for in that turn
/// (a staff member's reply, a notice): it adds them to the turn's outbox.</summary>
public interface IReplyChannel
{
    void Prepare(TurnResult turn);
}
