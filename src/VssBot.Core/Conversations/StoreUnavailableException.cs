namespace VssBot.Core.Conversations;

/// <summary>
/// The store cannot keep what it is given right now (its disk is full or failing, its
/// database cannot be reached). A state that passes, not a bug: the host answers 503 with
/// Retry-After and a kind message, and the person sends again later.
/// </summary>
public sealed class StoreUnavailableException(string cause, Exception? inner = null)
    : Exception($"the store cannot write: {cause}", inner)
{
    public string Cause { get; } = cause;

    /// <summary>True when <paramref name="e"/> (or what it wraps) says the store cannot be
    /// written or reached now: this exception, or a database error its provider calls
    /// transient (a server restarting, a dropped connection).</summary>
    public static bool IsUnavailable(Exception e)
    {
        for (Exception? at = e; at is not null; at = at.InnerException)
        {
            if (at is StoreUnavailableException or System.Data.Common.DbException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A store's own view of its health: why it refuses writes, if it does.</summary>
public interface IStoreHealth
{
    /// <summary>The cause while writes are refused (a full or failing disk); null when well.</summary>
    string? Fault { get; }
}
