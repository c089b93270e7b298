using System.Collections.Concurrent;
using LiteDB;

namespace VssBot.Storage;

/// <summary>
/// Writes the frozen generation of pending documents into LiteDB, on a thread of its own,
/// while the writer goes on journaling turns: one transaction, one write a document however
/// many turns changed it, and the journal's sequence number LiteDB now holds.
/// </summary>
internal sealed class LiteDbApplier : IDisposable
{
    private const string Applied = "applied";

    private readonly LiteDatabase _db;
    private readonly LiteDbDurability _durability;
    private readonly PendingDocs _pending;
    private readonly TurnJournal _journal;
    private readonly StorageFaults _faults;
    private readonly BlockingCollection<(IReadOnlyCollection<PendingDocs.Pending> Documents, long Sequence)> _jobs = new();
    private const int ChunkSize = 256;
    private readonly ManualResetEventSlim _idle = new(true);
    private readonly ManualResetEventSlim _hurry = new(false);
    private readonly object _gate = new();
    private int _outstanding;
    private readonly Thread _thread;
    private long _commits;
    private long _directCommits;
    private long _appliedSequence;

    public LiteDbApplier(LiteDatabase db, LiteDbDurability durability, PendingDocs pending, TurnJournal journal, StorageFaults faults)
    {
        _faults = faults;
        _db = db;
        _durability = durability;
        _pending = pending;
        _journal = journal;
        _thread = new Thread(Run) { IsBackground = true, Name = "vssbot-apply" };
        _thread.Start();
    }

    /// <summary>LiteDB commits written so far (here and the writer's).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>The writer's LiteDB commits so far (the flusher syncs LiteDB's log for them).</summary>
    public long DirectCommits => Interlocked.Read(ref _directCommits);

    /// <summary>The journal's last sequence number that LiteDB's commits written so far hold.</summary>
    public long AppliedSequence => Interlocked.Read(ref _appliedSequence);

    public void Apply(IReadOnlyCollection<PendingDocs.Pending> documents, long sequence)
    {
        lock (_gate)
        {
            _outstanding++;
            _idle.Reset();
        }

        _jobs.Add((documents, sequence));
    }

    /// <summary>Writer: no apply is running (LiteDB takes one writing transaction at a time).</summary>
    public void WaitIdle()
    {
        _hurry.Set();
        _idle.Wait();
    }

    public bool IsIdle => _idle.IsSet;

    /// <summary>The writer's LiteDB commit was written, holding the journal up to
    /// <paramref name="sequence"/> when it applied pending documents.</summary>
    public void CommittedDirect(long? sequence)
    {
        if (sequence is { } applied)
        {
            Interlocked.Exchange(ref _appliedSequence, applied);
        }

        Interlocked.Increment(ref _commits);
        Interlocked.Increment(ref _directCommits);
    }

    /// <summary>Writes <paramref name="documents"/> and the sequence number they reach, in the
    /// caller's transaction.</summary>
    public static void Write(LiteDatabase db, IEnumerable<PendingDocs.Pending> documents, long sequence)
    {
        WriteDocuments(db, documents);
        db.GetCollection(Collections.Journal).Upsert(new BsonDocument { ["_id"] = Applied, ["Sequence"] = sequence });
    }

    private static void WriteDocuments(LiteDatabase db, IEnumerable<PendingDocs.Pending> documents)
    {
        foreach (var pending in documents)
        {
            var collection = db.GetCollection(pending.Collection);
            if (pending.Document is null)
            {
                collection.Delete(pending.Id);
            }
            else
            {
                collection.Upsert(pending.Document);
            }
        }
    }

    /// <summary>The journal's last sequence number the file holds (0 for a new file).</summary>
    public static long AppliedIn(LiteDatabase db) =>
        db.GetCollection(Collections.Journal).FindById(Applied)?["Sequence"].AsInt64 ?? 0;

    private void Run()
    {
        foreach (var (documents, sequence) in _jobs.GetConsumingEnumerable())
        {
            try
            {
                ApplyPaced(documents, sequence);
                _durability.AfterCommit();
                _durability.Sync(); // here, not on the flusher: turns waiting for the journal do not wait for this
                // Only once LiteDB's log is on disk: a commit that a failed fsync may have lost
                // stays pending, and is written again when the store recovers.
                _pending.DropFrozen(); // readers find it in the file now
                Interlocked.Exchange(ref _appliedSequence, sequence);
                _journal.Release(sequence);
            }
            catch (Exception e)
            {
                // Left frozen: the writer applies it with its next LiteDB transaction (once the
                // disk takes writes again, when it was the disk). Never out of this thread.
                _faults.Swallowed("applying the journal to LiteDB", e, liteDb: true);
                try
                {
                    _db.Rollback();
                }
                catch (Exception rollback)
                {
                    _faults.Swallowed("rolling back the journal's apply", rollback, liteDb: true);
                }
            }
            finally
            {
                // Idle only once no job is left: the writer may have queued the next one
                // as soon as this one's documents were dropped from the pending ones.
                lock (_gate)
                {
                    if (--_outstanding == 0)
                    {
                        _hurry.Reset();
                        _idle.Set();
                    }
                }
            }
        }
    }

    // A few hundred documents a transaction, each followed by a pause as long as it took: the
    // applier takes at most half a core, in slices, rather than a whole one for a long burst
    // that would leave the turns one core. Everything stays pending (and journaled) until the
    // last transaction, which also records the sequence number; replaying a part applied
    // before a crash writes the same documents again. The writer, needing LiteDB, hurries it.
    private void ApplyPaced(IReadOnlyCollection<PendingDocs.Pending> documents, long sequence)
    {
        var chunks = documents.Chunk(ChunkSize).ToList();
        for (var i = 0; i < chunks.Count; i++)
        {
            var started = TimeProvider.System.GetTimestamp();
            _db.BeginTrans();
            if (i == chunks.Count - 1)
            {
                Write(_db, chunks[i], sequence);
            }
            else
            {
                WriteDocuments(_db, chunks[i]);
            }

            _db.Commit();
            Interlocked.Increment(ref _commits);
            if (i < chunks.Count - 1)
            {
                _hurry.Wait(TimeProvider.System.GetElapsedTime(started));
            }
        }
    }

    public void Dispose()
    {
        if (!_jobs.IsAddingCompleted)
        {
            _hurry.Set();
            _jobs.CompleteAdding();
            _thread.Join(TimeSpan.FromSeconds(30));
        }
    }
}
