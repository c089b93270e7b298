using System.Collections.Concurrent;
using LiteDB;

namespace VssBot.Storage;

/// <summary>
/// The single writer. Turns are journaled: a group of them (as many as are waiting, up to a
/// batch) is one record of the <see cref="TurnJournal"/>, and their documents join the
/// <see cref="PendingDocs"/> that the <see cref="LiteDbApplier"/> writes into LiteDB every
/// <see cref="DefaultApplyAfter"/> (a conversation's many turns meanwhile become one write). Other
/// writes (erasures, channels' inbox, staff, units) go straight into LiteDB, after everything
/// pending, in one transaction with it. Either way a write is acknowledged only once it is on
/// disk (<see cref="DiskFlusher"/>).
/// </summary>
internal sealed partial class GroupCommitter : IDisposable
{
    /// <summary>How long journaled documents wait, by default, before they are applied to LiteDB.</summary>
    public static readonly TimeSpan DefaultApplyAfter = TimeSpan.FromMilliseconds(500);
    private const int ApplyCount = 8192;

    private readonly LiteDatabase _db;
    private readonly int _maxBatch;
    private readonly LiteDbDurability _durability;
    private readonly TurnJournal _journal;
    private readonly PendingDocs _pending;
    private readonly DiskFlusher _flusher;
    private readonly LiteDbApplier _applier;
    private readonly BlockingCollection<Work> _queue = new();
    private readonly Thread _thread;
    private readonly TimeSpan _applyAfter;
    private readonly StorageFaults _faults;
    private readonly string _directory;
    private readonly Action _reopenLiteDb;
    private readonly IDiskFaults? _diskFaults;
    private long _liveSince;
    private long _commits;

    internal GroupCommitter(LiteDatabase db, int maxBatch, LiteDbDurability durability, TurnJournal journal, PendingDocs pending, TimeSpan applyAfter,
        StorageFaults faults, string directory, Action reopenLiteDb, IDiskFaults? diskFaults)
    {
        _diskFaults = diskFaults;
        _reopenLiteDb = reopenLiteDb;
        _applyAfter = applyAfter;
        _faults = faults;
        _directory = directory;
        _db = db;
        _durability = durability;
        _journal = journal;
        _pending = pending;
        _flusher = new DiskFlusher(Sync);
        _applier = new LiteDbApplier(db, durability, pending, journal, faults);
        _maxBatch = Math.Max(1, maxBatch);
        _thread = new Thread(Run) { IsBackground = true, Name = "vssbot-group-commit" };
        _thread.Start();
    }

    /// <summary>Groups written so far: journal records and LiteDB transactions.</summary>
    public long Commits => Interlocked.Read(ref _commits) + _applier.Commits;

    /// <summary>fsync rounds so far (each covering one or more groups).</summary>
    public long Syncs => _flusher.Syncs;

    /// <summary>A turn's writes, journaled.</summary>
    internal Task Journal(Action<IDocs> write) => Add(new Work { Journaled = write });

    /// <summary>A write straight into LiteDB, after everything pending.</summary>
    internal Task Enqueue(Action<LiteDatabase> write) => Add(new Work { Direct = write });

    /// <summary>Everything acknowledged so far is in LiteDB (for queries the pending
    /// documents cannot answer).</summary>
    internal Task Settle() => Add(new Work { Direct = static _ => { } });

    /// <summary>Runs <paramref name="action"/> on the writer between transactions, with
    /// everything pending in LiteDB, none open and none starting until it ends (a checkpoint
    /// and a copy of the file).</summary>
    internal Task Exclusive(Action<LiteDatabase> action) => Add(new Work { Direct = action, IsExclusive = true });

    private Task Add(Work work)
    {
        if (_faults.Cause is { } cause)
        {
            // The disk refused a write: nothing more is taken until the probe succeeds.
            return Task.FromException(new VssBot.Core.Conversations.StoreUnavailableException(cause));
        }

        _queue.Add(work);
        return work.Done.Task;
    }

    private void Run()
    {
        var batch = new List<Work>(_maxBatch);
        while (!_queue.IsCompleted)
        {
            if (!_queue.TryTake(out var taken, WaitForWork()))
            {
                if (_faults.Cause is null || Recover())
                {
                    ApplyWhenDue();
                }

                continue;
            }

            Work? exclusive = taken.IsExclusive ? taken : null;
            batch.Clear();
            if (exclusive is null)
            {
                batch.Add(taken);
            }

            while (exclusive is null && batch.Count < _maxBatch && _queue.TryTake(out var more))
            {
                if (more.IsExclusive)
                {
                    exclusive = more; // after the works taken before it
                }
                else
                {
                    batch.Add(more);
                }
            }

            try
            {
                RunInOrder(batch);
                if (exclusive is not null)
                {
                    RunExclusive(exclusive);
                }

                ApplyWhenDue();
            }
            catch (Exception e)
            {
                // Never out of this thread (that would end the process): the works not yet
                // answered fail, and the writer goes on.
                _faults.Swallowed("the writer", e);
                foreach (var work in exclusive is null ? batch : [.. batch, exclusive])
                {
                    work.Done.TrySetException(e);
                }
            }
        }

        try
        {
            CommitDirect([]); // what is pending goes into LiteDB before the store closes
        }
        catch (Exception e)
        {
            // Left in the journal, replayed at the next start (the store keeps it when anything is pending).
            _faults.Swallowed("applying the pending writes at close", e);
        }
    }

    // Consecutive journaled works make one journal record; a direct work commits in LiteDB.
    private void RunInOrder(List<Work> batch)
    {
        var start = 0;
        while (start < batch.Count)
        {
            var journaled = batch[start].Journaled is not null;
            var end = start;
            while (end < batch.Count && (batch[end].Journaled is not null) == journaled)
            {
                end++;
            }

            var run = batch.GetRange(start, end - start);
            if (journaled)
            {
                JournalRun(run);
            }
            else if (!CommitDirect(run))
            {
                // Isolate the failing work: the others still commit on their own.
                foreach (var work in run)
                {
                    CommitDirect([work]);
                }
            }

            start = end;
        }
    }

    private int WaitForWork()
    {
        // At least once a second: a fault raised on another thread (the applier, the flusher)
        // finds the writer waiting, and then refused works would never wake it to probe.
        if (_faults.Cause is not null || _pending.LiveCount == 0)
        {
            return 1000;
        }

        var due = _applyAfter - TimeProvider.System.GetElapsedTime(_liveSince);
        return Math.Max(0, (int)Math.Ceiling(due.TotalMilliseconds));
    }

    // While writes are refused: the probe file first; when the disk takes it and LiteDB
    // itself had failed, LiteDB's files opened anew, then everything pending written into
    // them. True once writes are taken again.
    private bool Recover()
    {
        if (!_faults.ProbeDisk(_directory, _diskFaults))
        {
            return false;
        }

        try
        {
            if (_faults.LiteDbFailed)
            {
                _applier.WaitIdle();
                _reopenLiteDb();
            }

            if (!_pending.IsEmpty && !CommitDirect([]))
            {
                return false; // still failing: the fault is raised again, the probe goes on
            }
        }
        catch (Exception e)
        {
            _faults.Swallowed("opening LiteDB again after a disk fault", e);
            return false;
        }

        _faults.Clear();
        return true;
    }

    private void ApplyWhenDue()
    {
        if (_pending.HasFrozen && _applier.IsIdle)
        {
            CommitDirect([]); // the applier failed: the writer applies it with what is live
            return;
        }

        if (_pending.LiveCount == 0 || _pending.HasFrozen
            || (_pending.LiveCount < ApplyCount && TimeProvider.System.GetElapsedTime(_liveSince) < _applyAfter))
        {
            return;
        }

        var sequence = _journal.LastSequence;
        var documents = _pending.Freeze();
        _journal.Retire();
        _applier.Apply(documents, sequence);
    }

    private void RunExclusive(Work work)
    {
        if (!CommitDirect([]))
        {
            work.Done.TrySetException(new IOException("the pending writes could not be applied to LiteDB"));
            return;
        }

        try
        {
            work.Direct!(_db);
            work.Done.TrySetResult();
        }
        catch (Exception e)
        {
            work.Done.TrySetException(e);
        }
    }

    // The flusher's round: the journal, and LiteDB's log when the writer committed in it
    // since (the applier syncs its own commits); then the journal segments LiteDB holds on
    // disk are released.
    private long _directSynced;

    private void Sync()
    {
        var direct = _applier.DirectCommits;
        var applied = _applier.AppliedSequence;
        try
        {
            _journal.Sync();
            if (direct != _directSynced)
            {
                _durability.Sync();
                _directSynced = direct;
                _journal.Release(applied);
            }
        }
        catch (Exception e)
        {
            // After a failed fsync the kernel may have dropped the dirty pages and report the
            // next fsync a success: the segment is abandoned (later records go to a new one),
            // and nothing it covered is acknowledged.
            _journal.Abandon();
            _faults.Raise("fsync", e, liteDb: true); // LiteDB's log may have lost pages as well
            throw new VssBot.Core.Conversations.StoreUnavailableException(_faults.Cause ?? e.Message, e);
        }
    }

    public void Dispose()
    {
        if (_queue.IsAddingCompleted)
        {
            return;
        }

        _queue.CompleteAdding();
        Stopped = _thread.Join(TimeSpan.FromSeconds(30));
        if (!Stopped)
        {
            // Still writing (a disk that hangs): what it uses is left open, never closed under it.
            _faults.Log?.Invoke("closing: the writer did not stop within 30 s; its files are left open", new TimeoutException());
            return;
        }

        _applier.Dispose();
        _flusher.Dispose();
    }

    /// <summary>The writer thread ended at <see cref="Dispose"/>: its files may be closed.</summary>
    public bool Stopped { get; private set; }

    private sealed class Work
    {
        public Action<IDocs>? Journaled { get; init; }
        public Action<LiteDatabase>? Direct { get; init; }
        public bool IsExclusive { get; init; }
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
