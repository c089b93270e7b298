using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace VssBot.Storage;

/// <summary>
/// The turn journal, in front of LiteDB: what each group of turns writes, appended as one
/// sealed record to a segment and synced before those turns are acknowledged. LiteDB gets
/// the same documents later, many turns of a conversation at once (<see cref="PendingDocs"/>);
/// a segment is released once LiteDB's log holding all its records is on disk. After a
/// crash, the records LiteDB does not hold yet are replayed.
/// A segment lives in a slot file that is used again once released, written over in place:
/// syncing it then flushes data only, not a growing file's size (fdatasync). Releasing a
/// segment wipes its salt, so its records can no longer be decrypted, even with the password.
/// Threads: the writer appends and retires; the flusher and the applier sync and release.
/// </summary>
internal sealed partial class TurnJournal : IDisposable
{
    internal const string Prefix = "vssbot-journal-";
    private const int RecordHeader = 4 + 8 + JournalCipher.TagSize; // length, sequence, tag
    private const int SpareSlots = 4;
    private static readonly byte[] Magic = "VSSJRNL3"u8.ToArray();
    private static readonly int Header = Magic.Length + 8 + 16; // magic, segment number, salt

    private readonly string _directory;
    private readonly byte[] _key;
    private readonly object _gate = new();
    private readonly List<Segment> _retired = [];
    private readonly Stack<Segment> _free = new();
    private readonly object _syncGate = new();
    private Segment _current;
    private int _slots;
    private bool _directoryDirty;
    private volatile bool _abandoned;

    private readonly IDiskFaults? _faults;

    public TurnJournal(string directory, byte[] key, long lastSequence, long nextSegment, IDiskFaults? faults = null)
    {
        _faults = faults;
        _directory = directory;
        _key = key;
        LastSequence = lastSequence;
        _current = Open(nextSegment);
    }

    /// <summary>The sequence number of the last record appended.</summary>
    public long LastSequence { get; private set; }

    /// <summary>Writer: appends one record, its parts (serialised operations) one after
    /// the other. Buffers are pooled: a group of turns can
    /// weigh hundreds of kilobytes, which allocated every time would be collected with the
    /// oldest generation.</summary>
    public void Append(IReadOnlyList<byte[]> parts)
    {
        if (_abandoned)
        {
            StartAnew();
        }

        var sequence = LastSequence + 1;
        var length = parts.Sum(p => p.Length);
        var plain = ArrayPool<byte>.Shared.Rent(length);
        var record = ArrayPool<byte>.Shared.Rent(RecordHeader + length);
        try
        {
            var at = 0;
            foreach (var part in parts)
            {
                part.CopyTo(plain, at);
                at += part.Length;
            }

            BinaryPrimitives.WriteInt32LittleEndian(record, length);
            BinaryPrimitives.WriteInt64LittleEndian(record.AsSpan(4), sequence);
            _current.Cipher!.Seal(sequence, plain.AsSpan(0, length), record.AsSpan(RecordHeader, length), record.AsSpan(12, JournalCipher.TagSize));
            _faults?.Before(DiskOp.JournalWrite, _current.Path);
            RandomAccess.Write(_current.Handle, record.AsSpan(0, RecordHeader + length), _current.Length);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain.AsSpan(0, length)); // the pool keeps no plain text, whatever failed
            ArrayPool<byte>.Shared.Return(plain);
            ArrayPool<byte>.Shared.Return(record);
        }

        _current.Length += RecordHeader + length;
        _current.Last = sequence;
        LastSequence = sequence;
    }

    /// <summary>Writer: the records so far are being applied to LiteDB; the next go to
    /// another segment, so that this one can be released once LiteDB has them on disk.</summary>
    public void Retire()
    {
        if (_current.Last == 0)
        {
            return; // nothing in it yet
        }

        Segment next;
        try
        {
            next = Open(_current.Number + 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // no new slot (the disk, the folder): records go on here; retired next time
        }

        lock (_gate)
        {
            _retired.Add(_current);
            _current = next;
        }
    }

    /// <summary>Flusher: an fsync failed. The kernel may have dropped the pages it could not
    /// write and report the next fsync a success (PostgreSQL's "fsyncgate"): the current
    /// segment takes no more records; the next record starts a new one.</summary>
    public void Abandon() => _abandoned = true;

    // Writer: the current segment is retired (released once LiteDB holds it, as any other)
    // and records go on in a new one. Throws when no new segment can be started.
    private void StartAnew()
    {
        var next = Open(_current.Number + 1);
        lock (_gate)
        {
            _retired.Add(_current);
            _current = next;
        }

        _abandoned = false;
    }

    /// <summary>Every record appended so far is on disk (and every slot file's name).</summary>
    public void Sync()
    {
        (Segment Segment, long Number)[] segments;
        bool directory;
        lock (_gate)
        {
            segments = [.. _retired.Where(s => !s.Synced).Append(_current).Select(s => (s, s.Number))];
            directory = _directoryDirty;
            _directoryDirty = false;
        }

        // Under the sync gate, which Release takes before wiping or closing a slot: a handle
        // is never closed, nor its slot reused, while it is being synced.
        lock (_syncGate)
        {
            foreach (var (segment, _) in segments)
            {
                _faults?.Before(DiskOp.JournalSync, segment.Path);
                DirectorySync.DataSync(segment.Handle);
            }
        }

        lock (_gate)
        {
            // A retired segment takes no more records: synced once is enough (unless its slot
            // was released and reused meanwhile).
            foreach (var (segment, number) in segments.Where(s => _retired.Contains(s.Segment) && s.Segment.Number == s.Number))
            {
                segment.Synced = true;
            }
        }

        if (directory)
        {
            DirectorySync.Sync(_directory);
        }
    }

    /// <summary>LiteDB's log holding every record up to <paramref name="applied"/> is on
    /// disk: the segments holding only those are wiped and their slots kept for reuse.</summary>
    public void Release(long applied)
    {
        lock (_syncGate)
        lock (_gate)
        {
            foreach (var segment in _retired.Where(s => s.Last <= applied).ToList())
            {
                _retired.Remove(segment);
                segment.Wipe();
                if (_free.Count < SpareSlots)
                {
                    _free.Push(segment);
                }
                else
                {
                    segment.Handle.Dispose();
                    File.Delete(segment.Path);
                }
            }
        }
    }

    // A free slot when there is one, else a new slot file.
    private Segment Open(long number)
    {
        lock (_gate)
        {
            if (!_free.TryPop(out var segment))
            {
                var path = System.IO.Path.Combine(_directory, $"{Prefix}{_slots++}");
                segment = new Segment(path, File.OpenHandle(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read));
                _directoryDirty = true;
            }

            segment.Begin(number, _key);
            return segment;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var segment in _retired.Append(_current).Concat(_free))
            {
                segment.Handle.Dispose();
                segment.Cipher?.Dispose();
            }
        }
    }

    private sealed class Segment(string path, SafeFileHandle handle)
    {
        public string Path { get; } = path;
        public SafeFileHandle Handle { get; } = handle;
        public JournalCipher? Cipher { get; private set; }
        public long Number { get; private set; }
        public long Length { get; set; }
        public long Last { get; set; }
        public bool Synced { get; set; }

        /// <summary>Starts segment <paramref name="number"/> in this slot, under a new salt.</summary>
        public void Begin(long number, byte[] key)
        {
            var salt = System.Security.Cryptography.RandomNumberGenerator.GetBytes(16);
            var header = new byte[Header];
            Magic.CopyTo(header, 0);
            BinaryPrimitives.WriteInt64LittleEndian(header.AsSpan(Magic.Length), number);
            salt.CopyTo(header, Magic.Length + 8);
            RandomAccess.Write(Handle, header, 0);
            Cipher?.Dispose();
            Cipher = new JournalCipher(key, salt);
            (Number, Length, Last, Synced) = (number, Header, 0, false);
        }

        /// <summary>Without its salt, nothing in the slot can be decrypted.</summary>
        public void Wipe()
        {
            RandomAccess.Write(Handle, new byte[Header], 0);
            DirectorySync.DataSync(Handle);
            Cipher?.Dispose();
            Cipher = null;
        }
    }
}
