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
    private readonly BlockingCollection<(IReadOnlyCollection<PendingDocs.Pending> Documents, long Sequence)> _jobs = new();
    private readonly ManualResetEventSlim _idle = new(true);
    private readonly Thread _thread;
    private long _commits;
    private long _directCommits;
    private long _appliedSequence;

    public LiteDbApplier(LiteDatabase db, LiteDbDurability durability, PendingDocs pending, TurnJournal journal)
    {
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
        _idle.Reset();
        _jobs.Add((documents, sequence));
    }

    /// <summary>Writer: no apply is running (LiteDB takes one writing transaction at a time).</summary>
    public void WaitIdle() => _idle.Wait();

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

        db.GetCollection(Collections.Journal).Upsert(new BsonDocument { ["_id"] = Applied, ["Sequence"] = sequence });
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
                _db.BeginTrans();
                Write(_db, documents, sequence);
                _db.Commit();
                _durability.AfterCommit();
                _pending.DropFrozen(); // readers find it in the file now
                Interlocked.Exchange(ref _appliedSequence, sequence);
                Interlocked.Increment(ref _commits);
                _durability.Sync(); // here, not on the flusher: turns waiting for the journal do not wait for this
                _journal.Release(sequence);
            }
            catch (Exception)
            {
                // Left frozen: the writer applies it with its next LiteDB transaction.
                try
                {
                    _db.Rollback();
                }
                catch (LiteException)
                {
                }
            }
            finally
            {
                _idle.Set();
            }
        }
    }

    public void Dispose()
    {
        if (!_jobs.IsAddingCompleted)
        {
            _jobs.CompleteAdding();
            _thread.Join(TimeSpan.FromSeconds(30));
        }
    }
}
