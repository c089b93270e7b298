using System.Collections.Concurrent;
using LiteDB;

namespace VssBot.Storage;

/// <summary>
/// Writes turns on one dedicated thread, as many as are waiting (up to a batch) in one
/// LiteDB transaction. LiteDB transactions belong to a thread, and one commit per turn
/// caps throughput at the disk's sync rate; a turn is acknowledged only once the commit
/// that holds it is on disk (<see cref="DiskFlusher"/>).
/// </summary>
internal sealed class GroupCommitter : IDisposable
{
    private readonly LiteDatabase _db;
    private readonly int _maxBatch;
    private readonly LiteDbDurability _durability;
    private readonly DiskFlusher _flusher;
    private readonly BlockingCollection<Work> _queue = new();
    private readonly Thread _thread;

    internal GroupCommitter(LiteDatabase db, int maxBatch, LiteDbDurability durability)
    {
        _db = db;
        _durability = durability;
        _flusher = new DiskFlusher(durability.Sync);
        _maxBatch = Math.Max(1, maxBatch);
        _thread = new Thread(Run) { IsBackground = true, Name = "vssbot-group-commit" };
        _thread.Start();
    }

    public long Commits { get; private set; }

    internal Task Enqueue(Action<LiteDatabase> write)
    {
        var work = new Work(write);
        _queue.Add(work);
        return work.Done.Task;
    }

    /// <summary>Runs <paramref name="action"/> on the writer between transactions, with none
    /// open and none starting until it ends (a checkpoint and a copy of the file).</summary>
    internal Task Exclusive(Action<LiteDatabase> action)
    {
        var work = new Work(action) { IsExclusive = true };
        _queue.Add(work);
        return work.Done.Task;
    }

    private void Run()
    {
        var batch = new List<Work>(_maxBatch);
        foreach (var taken in _queue.GetConsumingEnumerable())
        {
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
                    exclusive = more; // after the turns taken before it
                }
                else
                {
                    batch.Add(more);
                }
            }

            if (batch.Count > 0 && !TryCommit(batch))
            {
                // Isolate the failing turn: the others still commit on their own.
                foreach (var work in batch)
                {
                    TryCommit([work]);
                }
            }

            if (exclusive is not null)
            {
                RunExclusive(exclusive);
            }
        }
    }

    private void RunExclusive(Work work)
    {
        try
        {
            work.Write(_db);
            work.Done.TrySetResult();
        }
        catch (Exception e)
        {
            work.Done.TrySetException(e);
        }
    }

    private bool TryCommit(List<Work> batch)
    {
        try
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            _db.BeginTrans();
            foreach (var work in batch)
            {
                work.Write(_db);
            }

            _db.Commit();
            Commits++;
            VssBot.Core.Telemetry.VssBotMetrics.StoreCommit.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
            VssBot.Core.Telemetry.VssBotMetrics.StoreBatchSize.Record(batch.Count);
        }
        catch (Exception e)
        {
            _db.Rollback();
            if (batch.Count == 1)
            {
                batch[0].Done.TrySetException(e);
            }

            return false;
        }

        Acknowledge(batch);
        return true;
    }

    private void Acknowledge(List<Work> batch)
    {
        try
        {
            _durability.AfterCommit();
        }
        catch (Exception e)
        {
            foreach (var work in batch)
            {
                work.Done.TrySetException(e); // committed, but not known to be written: reported, never run again
            }

            return;
        }

        _flusher.Acknowledge(batch.Select(w => w.Done).ToArray());
    }

    /// <summary>fsyncs of the log so far (each covering one or more commits).</summary>
    public long Syncs => _flusher.Syncs;

    public void Dispose()
    {
        if (_queue.IsAddingCompleted)
        {
            return;
        }

        _queue.CompleteAdding();
        _thread.Join(TimeSpan.FromSeconds(10));
        _flusher.Dispose();
    }

    private sealed record Work(Action<LiteDatabase> Write)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public bool IsExclusive { get; init; }
    }
}
