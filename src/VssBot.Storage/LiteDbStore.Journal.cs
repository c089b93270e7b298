using System.Security.Cryptography;
using LiteDB;

namespace VssBot.Storage;

// The turn journal in front of the file (see TurnJournal): its key, and at start-up the
// records a crash left that the file does not hold yet.
public sealed partial class LiteDbStore
{
    private const string JournalKeyId = "key";

    private readonly PendingDocs _pending = new();
    private readonly List<string> _replayNotes = [];
    private byte[] _journalKey = [];

    /// <summary>What replaying the journal at start-up skipped or found missing (the host logs it).</summary>
    public IReadOnlyList<string> ReplayNotes => _replayNotes;

    /// <summary>The turn journal's files in a data folder (what a store that did not close
    /// left to replay).</summary>
    public static IEnumerable<string> JournalFiles(string dataDirectory) => TurnJournal.Slots(dataDirectory);

    private TurnJournal OpenJournal(string directory, string password, LiteDbDurability durability)
    {
        var meta = _db.GetCollection(Collections.Journal);
        var salt = meta.FindById(JournalKeyId)?["Salt"].AsBinary;
        if (salt is null)
        {
            salt = RandomNumberGenerator.GetBytes(16);
            meta.Insert(new BsonDocument { ["_id"] = JournalKeyId, ["Salt"] = salt });
            MakeDurable(durability); // no record is sealed under a key the file could forget
        }

        var key = JournalCipher.JournalKey(password, salt);
        _journalKey = key;
        var applied = LiteDbApplier.AppliedIn(_db);
        var last = Replay(TurnJournal.Records(directory, key, applied, _replayNotes), applied, durability);
        var next = TurnJournal.LastSegment(directory) + 1;
        foreach (var path in TurnJournal.Slots(directory))
        {
            File.Delete(path); // all in the file now
        }

        return new TurnJournal(directory, key, last, next, _diskFaults);
    }

    /// <summary>After LiteDB was opened anew following a disk fault: the records its file
    /// does not hold are written into it again, as at start-up. A commit LiteDB reported
    /// written may not have reached its log (its writer failed after the commit returned, or
    /// an fsync failed): whatever the store meanwhile took for applied is in the journal
    /// still, which is released only once LiteDB's log holding it is on disk.</summary>
    private void ReplaySinceFault(string directory)
    {
        var applied = LiteDbApplier.AppliedIn(_db);
        var notes = new List<string>();
        Replay(TurnJournal.Records(directory, _journalKey, applied, notes), applied, _durability);
        foreach (var note in notes)
        {
            Faults.Log?.Invoke("replaying the journal after a disk fault: " + note, new IOException(note));
        }
    }

    /// <summary>Writes the journal's records into the file, in order, in one transaction;
    /// returns the last sequence number the file now holds.</summary>
    private long Replay(IEnumerable<(long Sequence, byte[] Plain)> records, long applied, LiteDbDurability durability)
    {
        var last = applied;
        var replayed = 0;
        _db.BeginTrans();
        foreach (var (sequence, plain) in records)
        {
            foreach (var operation in JournalOps.Read(plain))
            {
                JournalOps.Apply(_db, operation);
            }

            last = sequence;
            replayed++;
        }

        if (replayed == 0)
        {
            _db.Rollback();
            return last;
        }

        LiteDbApplier.Write(_db, [], last);
        _db.Commit();
        MakeDurable(durability);
        return last;
    }

    private static void MakeDurable(LiteDbDurability durability)
    {
        durability.AfterCommit();
        durability.Sync();
    }
}
