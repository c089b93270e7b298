using System.Reflection;
using LiteDB;

namespace VssBot.Storage;

/// <summary>
/// Makes LiteDB commits durable. LiteDB 5 hands a commit's log pages to a writer queue
/// and returns; the pages usually reach the file before the commit returns, but not
/// always. This waits for that queue (an internal of LiteDB found by reflection: if an upgrade
/// from the version pinned in Directory.Packages.props moves it, every commit fails and so does
/// every store test), then fsyncs the log.
/// LiteDB's queue may write a commit's pages on the committing thread or its own; when a
/// write fails there, LiteDB keeps the exception, closes its engine and still lets the
/// commit return as if it were written (seen with a full disk: the commit's last page, its
/// confirmation, not written). So after waiting, a closed engine or a failed queue is a
/// failed commit here, never one to build on.
/// </summary>
internal sealed class LiteDbDurability
{
    private static readonly FieldInfo Disk = Field(typeof(LiteDB.Engine.LiteEngine), "_disk");
    private static readonly FieldInfo State = Field(typeof(LiteDB.Engine.LiteEngine), "_state");
    private static readonly FieldInfo Disposed = State.FieldType.GetField("Disposed", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException($"LiteDB {State.FieldType.Assembly.GetName().Version} has no EngineState.Disposed: check LiteDbDurability against this version");

    private object _disk;
    private object _state;
    private Func<Exception?>? _queueFailure;
    private PageCipherStream _log;
    private Action? _waitForQueue;

    public LiteDbDurability(LiteDB.Engine.LiteEngine engine, PageCipherStream log)
    {
        _disk = Disk.GetValue(engine) ?? throw new InvalidOperationException("LiteDB has no disk service");
        _state = State.GetValue(engine) ?? throw new InvalidOperationException("LiteDB has no engine state");
        _log = log;
    }

    /// <summary>The store opened LiteDB anew (after a disk fault): this engine and log from now on.</summary>
    public void Reopen(LiteDB.Engine.LiteEngine engine, PageCipherStream log)
    {
        _disk = Disk.GetValue(engine) ?? throw new InvalidOperationException("LiteDB has no disk service");
        _state = State.GetValue(engine) ?? throw new InvalidOperationException("LiteDB has no engine state");
        _log = log;
        _waitForQueue = null;
        _queueFailure = null;
    }

    /// <summary>After a commit, on the writer thread: the commit's pages are written to the
    /// log file (in the operating system's hands, not yet on disk).</summary>
    public void AfterCommit()
    {
        if (_waitForQueue is null)
        {
            // Lazy<DiskWriterQueue>: created at the first write.
            var lazy = _disk.GetType().GetProperty("Queue", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)?.GetValue(_disk)
                ?? throw new InvalidOperationException("LiteDB's disk service has no writer queue");
            var queue = lazy.GetType().GetProperty("Value")!.GetValue(lazy)!;
            var wait = queue.GetType().GetMethod("Wait", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes)
                ?? throw new InvalidOperationException("LiteDB's writer queue cannot be waited for");
            _waitForQueue = wait.CreateDelegate<Action>(queue);
            var failure = queue.GetType().GetField("_exception", BindingFlags.Instance | BindingFlags.NonPublic)
                ?? throw new InvalidOperationException("LiteDB's writer queue keeps no failure");
            _queueFailure = () => failure.GetValue(queue) as Exception;
        }

        _waitForQueue();
        // The engine is marked closed before anything else happens on a failed write.
        var closed = (bool)Disposed.GetValue(_state)!;
        if (_queueFailure!() is { } failed)
        {
            throw new IOException("LiteDB could not write its log: " + failed.Message, failed);
        }

        if (closed)
        {
            throw new IOException("LiteDB closed its engine after a failed write");
        }
    }

    /// <summary>The log's pages written so far are on disk.</summary>
    public void Sync() => _log.Sync();

    private static FieldInfo Field(Type type, string name) =>
        type.GetField(name, BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException($"LiteDB {type.Assembly.GetName().Version} has no {type.Name}.{name}: check LiteDbDurability against this version");
}
