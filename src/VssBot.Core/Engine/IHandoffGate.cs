namespace VssBot.Core.Engine;

/// <summary>Decides whether one more person may join an office's queue: the host caps
/// the queue per office and requests per client address.</summary>
public interface IHandoffGate
{
    /// <param name="officeId">The office whose queue it would be (null: not known).</param>
    /// <param name="origin">Where the request came from (a client address), when the channel knows.</param>
    bool TryQueue(string? officeId, string? origin);
}
