using LiteDB;
using VssBot.IntegrationTests.Support;
using VssBot.Storage;
using static VssBot.IntegrationTests.Storage.LiteDbFileFormatTests;

namespace VssBot.IntegrationTests.Storage;

/// <summary>The turn journal in front of the LiteDB file: what a store acknowledged and then
/// lost with its process (its files copied while it runs, as a crash leaves them) comes back
/// on the next start, encrypted throughout; a record torn by the crash is dropped whole.</summary>
[Collection(SeparateProcesses.Name)]
public sealed class TurnJournalTests
{
    private static readonly TimeSpan Never = TimeSpan.FromHours(1);

    private static LiteDbStore Open(string folder, TimeSpan applyAfter) =>
        new(new StoreOptions { DataDirectory = folder, Password = VssBotProcess.TestKey }, applyAfter);

    private static void CopyFiles(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }
    }

    [Fact]
    public async Task AcknowledgedTurnsOnlyInTheJournalComeBackAfterACrash()
    {
        using var data = new TempFolder("journal-crash");
        using var copy = new TempFolder("journal-crash-copy");
        using (var store = Open(data.Path, Never))
        {
            for (var seq = 1; seq <= 20; seq++)
            {
                await store.CommitAsync(Turn("c" + (seq % 5), seq));
            }

            // One conversation long enough for its tail to move into transcript pages twice.
            for (var seq = 1; seq <= 40; seq++)
            {
                await store.CommitAsync(Turn("long", seq));
            }

            CopyFiles(data.Path, copy.Path);
        }

        // Not in the file yet: only in the journal, and nowhere in plain text.
        using (var native = new LiteDatabase(Native(copy.Path, VssBotProcess.TestKey)))
        {
            Assert.Equal(0, native.GetCollection("conversations").Count());
        }

        Assert.NotEmpty(Directory.GetFiles(copy.Path, "vssbot-journal-*"));
        Assert.All(Directory.GetFiles(copy.Path), f => Assert.Equal(-1, File.ReadAllBytes(f).AsSpan().IndexOf("Nguy"u8)));

        using (var store = Open(copy.Path, Never))
        {
            for (var id = 0; id < 5; id++)
            {
                var seqs = Enumerable.Range(1, 20).Where(s => s % 5 == id).ToList();
                Assert.Equal(seqs[^1], store.FindConversation("c" + id)!.Seq);
                Assert.Equal(seqs.Select(s => $"Nguyễn Văn An {s}"), store.Transcript("c" + id, 0).Select(t => t.Text));
            }

            Assert.Equal(40, store.FindConversation("long")!.Seq);
            Assert.Equal(Enumerable.Range(1, 40).Select(s => $"Nguyễn Văn An {s}"), store.Transcript("long", 0).Select(t => t.Text));
            Assert.Equal(Enumerable.Range(31, 10), store.Transcript("long", 30).Select(t => t.Seq));
        }

        Assert.Empty(Directory.GetFiles(copy.Path, "vssbot-journal-*")); // all in the file, the journal gone
        using var again = new LiteDatabase(Native(copy.Path, VssBotProcess.TestKey));
        Assert.Equal(6, again.GetCollection("conversations").Count());
    }

    [Fact]
    public async Task ARecordTornByTheCrashIsDroppedAndTheOnesBeforeItReplayed()
    {
        using var data = new TempFolder("journal-torn");
        using var copy = new TempFolder("journal-torn-copy");
        using (var store = Open(data.Path, Never))
        {
            for (var seq = 1; seq <= 5; seq++)
            {
                await store.CommitAsync(Turn("t" + seq, seq)); // one at a time: one record each
            }

            CopyFiles(data.Path, copy.Path);
        }

        var slot = Assert.Single(Directory.GetFiles(copy.Path, "vssbot-journal-*"));
        using (var file = new FileStream(slot, FileMode.Open))
        {
            file.SetLength(file.Length - 10); // the last record's write cut short
        }

        using var store2 = Open(copy.Path, Never);
        Assert.Equal([1, 2, 3, 4], Enumerable.Range(1, 5).Where(s => store2.FindConversation("t" + s) is not null));
        await store2.CommitAsync(Turn("t5", 5)); // and it goes on
        Assert.Equal(5, store2.FindConversation("t5")!.Seq);
    }

    [Fact]
    public async Task OnceItsTurnsAreInTheFileAJournalSegmentCannotBeDecryptedAnyMore()
    {
        using var data = new TempFolder("journal-wipe");
        using var store = Open(data.Path, Never);
        await store.CommitAsync(Turn("w1", 1));
        var slot = Assert.Single(Directory.GetFiles(data.Path, "vssbot-journal-*"));
        Assert.Equal("VSSJRNL3"u8.ToArray(), ReadHeader(slot)[..8]);

        Assert.Empty(store.AllDossiers()); // a query: everything acknowledged goes into the file first
        await Poll.UntilAsync(() => ReadHeader(slot).All(b => b == 0), TimeSpan.FromSeconds(10), "the applied segment's salt is wiped");
        Assert.Equal(1, store.FindConversation("w1")!.Seq);
    }

    [Fact]
    public async Task AppliesBackToBackNeverRunBesideTheWritersOwnTransactions()
    {
        // Applied as often as possible, while other writes go straight into the file: LiteDB
        // takes one writing transaction at a time, so the writer waits for every queued apply.
        using var data = new TempFolder("journal-busy");
        using var store = Open(data.Path, TimeSpan.Zero);
        var turns = Enumerable.Range(0, 20).Select(async c =>
        {
            for (var seq = 1; seq <= 30; seq++)
            {
                await store.CommitAsync(Turn($"b{c}", seq));
                if (seq % 3 == 0)
                {
                    await store.SaveDossierAsync(new VssBot.Core.Domain.Dossiers.Dossier { Id = $"VB-{c}-{seq}", ConversationId = $"b{c}" });
                }
            }
        });
        await Task.WhenAll(turns).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(200, store.AllDossiers().Count);
        for (var c = 0; c < 20; c++)
        {
            Assert.Equal(30, store.FindConversation($"b{c}")!.Seq);
            Assert.Equal(Enumerable.Range(1, 30), store.Transcript($"b{c}", 0).Select(t => t.Seq));
        }
    }

    [Fact]
    public async Task ARestoreSetsAsideTheJournalOfTheFileItReplaces()
    {
        using var other = new TempFolder("journal-restore-backup");
        var backup = Path.Combine(other.Path, "copy.db");
        using (var store = Open(other.Path, Never))
        {
            await store.CommitAsync(Turn("from-backup", 1));
            await store.BackupAsync(backup);
        }

        using var data = new TempFolder("journal-restore-live");
        using var crashed = new TempFolder("journal-restore-crashed");
        using (var store = Open(data.Path, Never))
        {
            await store.CommitAsync(Turn("journaled", 1));
            CopyFiles(data.Path, crashed.Path); // a server that died with a turn only in its journal
        }

        await VssBotProcess.RunCommandAsync(crashed.Path, ["data", "restore", backup]);

        Assert.Empty(LiteDbStore.JournalFiles(crashed.Path));
        Assert.NotEmpty(Directory.GetFiles(crashed.Path, "*.before-restore-*-vssbot-journal-*"));
        using var restored = Open(crashed.Path, Never);
        Assert.NotNull(restored.FindConversation("from-backup"));
        Assert.Null(restored.FindConversation("journaled"));
    }

    [Fact]
    public async Task AJournalThatCannotStartANewSegmentGoesOnInItsCurrentOne()
    {
        using var data = new TempFolder("journal-gone");
        var store = Open(data.Path, Never);
        await store.CommitAsync(Turn("g1", 1));
        Directory.Delete(data.Path, recursive: true); // no new slot can be made (open files stay writable)

        Assert.Empty(store.AllDossiers()); // into the file, and the journal cannot retire its segment
        await store.CommitAsync(Turn("g1", 2));
        Assert.Equal(2, store.FindConversation("g1")!.Seq);
        store.Dispose(); // closes, its last apply included, without ending the process
    }

    [Fact]
    public void ReplaySaysWhichSequenceNumbersAreMissingAcrossSegmentsAndReplaysWhatFollows()
    {
        using var data = new TempFolder("journal-gap");
        var key = VssBot.Storage.JournalCipher.JournalKey(VssBotProcess.TestKey, new byte[16]);
        using (var journal = new TurnJournal(data.Path, key, lastSequence: 0, nextSegment: 1))
        {
            for (var i = 1; i <= 6; i++)
            {
                journal.Append([System.Text.Encoding.UTF8.GetBytes($"record {i}")]);
                if (i == 3)
                {
                    journal.Retire(); // records 4–6 go to a second segment
                }
            }

            journal.Sync();
        }

        // The first segment is lost (its slot gone): 1–3 are missing, 4–6 follow.
        File.Delete(Path.Combine(data.Path, TurnJournal.Prefix + "0"));
        var notes = new List<string>();
        var records = TurnJournal.Records(data.Path, key, applied: 0, notes).ToList();

        Assert.Equal([4L, 5L, 6L], records.Select(r => r.Sequence));
        Assert.Equal("record 4", System.Text.Encoding.UTF8.GetString(records[0].Plain));
        Assert.Contains(notes, n => n.Contains("records 1–3 are missing"));

        // Nothing missing, nothing said.
        notes.Clear();
        Assert.Equal([5L, 6L], TurnJournal.Records(data.Path, key, applied: 4, notes).Select(r => r.Sequence));
        Assert.Empty(notes);
    }

    private static byte[] ReadHeader(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var header = new byte[32];
        file.ReadExactly(header);
        return header;
    }
}
