using LiteDB;

namespace VssBot.Storage;

internal sealed partial class GroupCommitter
{
    // Journaled works: each one's writes are staged, then published (pending documents, the
    // record) only if the whole write succeeded; the record is appended once for the run.
    private void JournalRun(List<Work> run)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var record = new List<byte[]>();
        var done = new List<TaskCompletionSource>(run.Count);
        foreach (var work in run)
        {
            var staged = new StagedDocs(_pending, _db);
            try
            {
                work.Journaled!(staged);
            }
            catch (Exception e)
            {
                // A read of LiteDB's failed engine (or its disk) is the store being unavailable.
                if (StorageFaults.IsDiskFault(e))
                {
                    _faults.Raise("reading LiteDB for a turn", e, liteDb: true);
                }

                work.Done.TrySetException(Refused(e));
                continue;
            }

            if (_pending.LiveCount == 0)
            {
                _liveSince = TimeProvider.System.GetTimestamp();
            }

            staged.Publish(record);
            done.Add(work.Done);
        }

        if (record.Count > 0)
        {
            try
            {
                _journal.Append(record);
                Interlocked.Increment(ref _commits);
                Measure(started, done.Count);
            }
            catch (Exception e)
            {
                // Pending already (later turns of the run read them): applied, but reported
                // failed and never run again, as a commit whose sync failed.
                _journal.Abandon(); // a torn record may be left: the next one starts a new segment
                _faults.Swallowed("appending to the journal", e);
                var refused = Refused(e);
                done.ForEach(d => d.TrySetException(refused));
                return;
            }
        }

        _flusher.Acknowledge([.. done]);
    }

    // A disk fault reaches the caller as the store being unavailable (a 503), anything else as itself.
    private Exception Refused(Exception e) =>
        StorageFaults.IsDiskFault(e) ? new VssBot.Core.Conversations.StoreUnavailableException(_faults.Cause ?? e.Message, e) : e;

    private static void Measure(long started, int turns)
    {
        VssBot.Core.Telemetry.VssBotMetrics.StoreCommit.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        VssBot.Core.Telemetry.VssBotMetrics.StoreBatchSize.Record(turns);
    }

    // Direct works: everything pending, then the works, in one LiteDB transaction.
    private bool CommitDirect(List<Work> works)
    {
        _applier.WaitIdle();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var pending = _pending.All();
        var sequence = _journal.LastSequence;
        try
        {
            _db.BeginTrans();
            if (pending.Count > 0)
            {
                LiteDbApplier.Write(_db, pending, sequence);
            }

            foreach (var work in works)
            {
                work.Direct!(_db);
            }

            _db.Commit();
            Measure(started, works.Count);
        }
        catch (Exception e)
        {
            try
            {
                _db.Rollback();
            }
            catch (Exception rollback)
            {
                _faults.Swallowed("rolling back a LiteDB transaction", rollback, liteDb: true);
            }

            if (StorageFaults.IsDiskFault(e))
            {
                _faults.Raise("writing LiteDB", e, liteDb: true);
            }

            if (works.Count == 1)
            {
                works[0].Done.TrySetException(Refused(e));
            }

            return false;
        }

        var done = works.Select(w => w.Done).ToArray();
        try
        {
            _durability.AfterCommit();
        }
        catch (Exception e)
        {
            _faults.Swallowed("writing a LiteDB commit", e, liteDb: true);
            foreach (var work in done)
            {
                work.TrySetException(Refused(e)); // committed, but not known to be written: reported, never run again
            }

            return true;
        }

        if (pending.Count > 0)
        {
            _pending.DropAll();
            _journal.Retire();
        }

        _applier.CommittedDirect(pending.Count > 0 ? sequence : null);
        _flusher.Acknowledge(done);
        return true;
    }
}
