using System.Buffers.Binary;

namespace VssBot.Storage;

internal sealed partial class TurnJournal
{
    /// <summary>The records after <paramref name="applied"/>, oldest first. A segment is read
    /// up to its first record not written whole or not sealed with its salt: a crash during
    /// that write (never acknowledged), or what a slot held before. Sequence numbers must run
    /// on from one record to the next, across segments: a gap (records lost with a segment, or
    /// to a failed write or sync, none of them acknowledged) and a number seen again are said
    /// in <paramref name="notes"/>; the records after a gap are replayed (they were acknowledged),
    /// a number seen again is not.</summary>
    public static IEnumerable<(long Sequence, byte[] Plain)> Records(string directory, byte[] key, long applied, List<string>? notes = null)
    {
        var expected = applied + 1;
        foreach (var (number, bytes) in Segments(directory).OrderBy(s => s.Number))
        {
            using var cipher = new JournalCipher(key, bytes.AsSpan(Magic.Length + 8, 16));
            var at = Header;
            while (at + RecordHeader <= bytes.Length)
            {
                var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(at));
                var sequence = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(at + 4));
                if (length < 0 || length > bytes.Length - at - RecordHeader)
                {
                    break;
                }

                var plain = new byte[length];
                if (!cipher.TryOpen(sequence, bytes.AsSpan(at + RecordHeader, length), bytes.AsSpan(at + 12, JournalCipher.TagSize), plain))
                {
                    break;
                }

                at += RecordHeader + length;
                if (sequence <= applied)
                {
                    continue; // the file holds it
                }

                if (sequence < expected)
                {
                    notes?.Add($"journal segment {number}: record {sequence} was read before; skipped");
                    continue;
                }

                if (sequence > expected)
                {
                    notes?.Add($"journal segment {number}: records {expected}–{sequence - 1} are missing (never acknowledged: lost to a failed write or sync); the records from {sequence} on are replayed");
                }

                expected = sequence + 1;
                yield return (sequence, plain);
            }
        }
    }

    /// <summary>The journal's slot files in a folder.</summary>
    public static IEnumerable<string> Slots(string directory) =>
        Directory.Exists(directory) ? Directory.GetFiles(directory, Prefix + "*") : [];

    /// <summary>The highest segment number in the folder's slots (0 when none).</summary>
    public static long LastSegment(string directory) => Segments(directory).Select(s => s.Number).DefaultIfEmpty(0).Max();

    // The slots holding a segment (a header), with its number; wiped or empty slots hold none.
    private static IEnumerable<(long Number, byte[] Bytes)> Segments(string directory) =>
        Slots(directory).Select(File.ReadAllBytes)
            .Where(b => b.Length >= Header && b.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            .Select(b => (BinaryPrimitives.ReadInt64LittleEndian(b.AsSpan(Magic.Length)), b));
}
