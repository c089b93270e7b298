using VssBot.Core.Conversations;
using VssBot.Core.Telemetry;

namespace VssBot.Storage;

/// <summary>
/// The LiteDB store's write health. A write that fails on the disk (no space, an I/O error,
/// a failed fsync) is a state, not a crash: from then on writes are refused at once with
/// <see cref="StoreUnavailableException"/> (the host answers 503), while a probe writes and
/// syncs a small file in the data folder every few seconds; once that succeeds, writes are
/// taken again. Failures that are swallowed to keep a thread alive are reported here too, so
/// that the host logs each one with its exception.
/// </summary>
public sealed class StorageFaults
{
    private const int ProbeBytes = 1024 * 1024;
    private readonly object _gate = new();
    private readonly HashSet<string> _logged = [];
    private string? _cause;
    private long _raised;
    private volatile bool _liteDbFailed;

    /// <summary>Set by the host: where swallowed failures and faults are logged (what failed, the exception).</summary>
    public Action<string, Exception>? Log { get; set; }

    /// <summary>Set by the host: told when writes are taken again.</summary>
    public Action<string>? Recovered { get; set; }

    /// <summary>Why writes are refused, or null.</summary>
    public string? Cause => Volatile.Read(ref _cause);

    /// <summary>LiteDB itself failed a write since the fault began: its engine is closed for
    /// good and must be opened anew before writes are taken again.</summary>
    internal bool LiteDbFailed => _liteDbFailed;

    /// <summary>Times writes stopped since the store opened.</summary>
    public long Raised => Interlocked.Read(ref _raised);

    /// <summary>True for a failure of the disk under the store (rather than of one write's data).</summary>
    public static bool IsDiskFault(Exception e)
    {
        for (Exception? at = e; at is not null; at = at.InnerException)
        {
            if (at is IOException or UnauthorizedAccessException)
            {
                return at is not FileNotFoundException;
            }
        }

        return false;
    }

    /// <summary>A write failed on the disk: writes stop until the probe succeeds.
    /// <paramref name="liteDb"/>: LiteDB's engine saw it (it must be opened anew).</summary>
    internal void Raise(string where, Exception e, bool liteDb = false)
    {
        var cause = $"storage: {where}: {Innermost(e).Message}";
        bool first, log;
        lock (_gate)
        {
            first = _cause is null;
            _cause ??= cause; // the first failure says most
            _liteDbFailed |= liteDb;
            log = _logged.Add(where); // each kind of failure once a fault, not once a request
        }

        if (first)
        {
            Interlocked.Increment(ref _raised);
            VssBotMetrics.StoreFaults.Add(1, VssBotMetrics.Tag("where", where));
        }

        if (log)
        {
            Log?.Invoke(first ? $"the store stopped taking writes ({where})" : $"while refusing writes: {where}", e);
        }
    }

    /// <summary>A failure swallowed to keep a thread alive (logged; a disk fault also stops writes).</summary>
    internal void Swallowed(string where, Exception e, bool liteDb = false)
    {
        if (IsDiskFault(e))
        {
            Raise(where, e, liteDb);
        }
        else
        {
            Log?.Invoke(where, e);
        }
    }

    /// <summary>Writes and syncs a probe file in <paramref name="directory"/> (and removes
    /// it): true when the disk takes it.</summary>
    internal bool ProbeDisk(string directory, IDiskFaults? injected = null)
    {
        var path = Path.Combine(directory, "vssbot-probe");
        try
        {
            // The same disk as the store's files: a fault injected into them fails the probe too.
            foreach (var op in Enum.GetValues<DiskOp>())
            {
                injected?.Before(op, path);
            }

            using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
            {
                file.Write(new byte[ProbeBytes]);
                file.Flush(flushToDisk: true);
            }

            File.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(path);
            return false;
        }
    }

    /// <summary>Writes are taken again.</summary>
    internal void Clear()
    {
        string? was;
        lock (_gate)
        {
            was = _cause;
            _cause = null;
            _liteDbFailed = false;
            _logged.Clear();
        }

        if (was is not null)
        {
            Recovered?.Invoke(was);
        }
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing was written, or the next probe removes it: told, not thrown.
            Log?.Invoke("removing the disk probe's file", e);
        }
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }
}
