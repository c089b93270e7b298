using LiteDB;
using VssBot.Core.Engine;
using VssBot.IntegrationTests.Support;
using VssBot.Storage;

namespace VssBot.IntegrationTests.Storage;

/// <summary>The store writes LiteDB's own encrypted file format through streams of its own
/// (and fsyncs what it commits): files from before open unchanged, and LiteDB itself opens
/// what the store writes. (A store that never closed: TurnJournalTests.)</summary>
public sealed class LiteDbFileFormatTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    internal static ConnectionString Native(string folder, string password) =>
        new() { Filename = Path.Combine(folder, LiteDbStore.FileName), Password = password, Connection = ConnectionType.Direct };

    internal static TurnResult Turn(string id, int seq)
    {
        var turn = new TurnResult(new Conversation { Id = id, Channel = "web", DialogId = "menu", StepId = "menu", CreatedAt = At, UpdatedAt = At, Seq = seq });
        turn.Transcript.Add(new TranscriptEntry { ConversationId = id, Seq = seq, From = Sender.User, Text = $"Nguyễn Văn An {seq}", At = At });
        return turn;
    }

    [Fact]
    public async Task AFileLiteDbEncryptedOpensInTheStoreAndCarriesOn()
    {
        using var data = new TempFolder("format-native");
        using (var db = new LiteDatabase(Native(data.Path, VssBotProcess.TestKey)))
        {
            // The transcript as it was stored before conversations kept their latest turns.
            db.GetCollection<TranscriptPage>("transcript").Insert(TranscriptPage.Of("old", [new TranscriptEntry { ConversationId = "old", Seq = 1, From = Sender.User, Text = "xin chào", At = At }]));
            db.GetCollection("secrets").Insert(new BsonDocument { ["_id"] = "k", ["Value"] = "v" });
            // A conversation as it was stored before: its JSON deflated, its tail's chunks too.
            var earlier = Turn("older", 3).Conversation;
            db.GetCollection("conversations").Insert(new BsonDocument
            {
                ["_id"] = earlier.Id,
                ["Packed"] = Deflated(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(earlier)),
                ["Tail"] = new BsonArray { new BsonDocument { ["L"] = 3, ["P"] = TranscriptPage.Of("older", Turn("older", 3).Transcript).Packed } },
            });
        }

        using (var store = new LiteDbStore(new StoreOptions { DataDirectory = data.Path, Password = VssBotProcess.TestKey }))
        {
            Assert.Equal("v", store.Secret("k"));
            Assert.Equal(["xin chào"], store.Transcript("old", 0).Select(t => t.Text));
            Assert.Equal(3, store.FindConversation("older")!.Seq);
            Assert.Equal(["Nguyễn Văn An 3"], store.Transcript("older", 0).Select(t => t.Text));
            await store.CommitAsync(Turn("new", 1));
            Assert.True(store.Syncs >= 1, "a commit is fsynced before it is acknowledged");
            Assert.True(store.Syncs <= store.Commits);
        }

        using var again = new LiteDatabase(Native(data.Path, VssBotProcess.TestKey));
        Assert.Equal(2, again.GetCollection("conversations").Count());
        Assert.Equal("v", again.GetCollection("secrets").FindById("k")["Value"].AsString);
    }

    [Fact]
    public async Task DossierStatusesAreStoredAsTheirWords()
    {
        using var data = new TempFolder("format-status");
        using (var db = new LiteDatabase(Native(data.Path, VssBotProcess.TestKey)))
        {
            db.GetCollection("dossiers").Insert(new BsonDocument { ["_id"] = "VB-OLD", ["ConversationId"] = "c1", ["Status"] = "approved" });
        }

        using (var store = new LiteDbStore(new StoreOptions { DataDirectory = data.Path, Password = VssBotProcess.TestKey }))
        {
            Assert.Equal(VssBot.Core.Domain.Dossiers.DossierStatus.Approved, store.FindDossier("VB-OLD")!.Status);
            await store.SaveDossierAsync(new VssBot.Core.Domain.Dossiers.Dossier { Id = "VB-NEW", ConversationId = "c2", Status = VssBot.Core.Domain.Dossiers.DossierStatus.ChangesRequested });
        }

        using var again = new LiteDatabase(Native(data.Path, VssBotProcess.TestKey));
        Assert.Equal("changes", again.GetCollection("dossiers").FindById("VB-NEW")["Status"].AsString);
    }

    [Fact]
    public void AnotherKeyOpensNothingAndChangesNothing()
    {
        using var data = new TempFolder("format-key");
        new LiteDbStore(new StoreOptions { DataDirectory = data.Path, Password = VssBotProcess.TestKey }).Dispose();
        var file = Path.Combine(data.Path, LiteDbStore.FileName);
        var before = File.ReadAllBytes(file);

        Assert.ThrowsAny<LiteException>(() => new LiteDbStore(new StoreOptions { DataDirectory = data.Path, Password = "another key, long enough 2026" }));
        Assert.Equal(before, File.ReadAllBytes(file));
        Assert.ThrowsAny<LiteException>(() => new LiteDatabase(Native(data.Path, "another key, long enough 2026")).GetCollectionNames().ToList());
    }

    private static byte[] Deflated(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new System.IO.Compression.DeflateStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            deflate.Write(bytes);
        }

        return buffer.ToArray();
    }
}
