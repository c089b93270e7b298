using VssBot.Core.Conversations;
using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Domain.Units;
using VssBot.Core.Engine;
using VssBot.Core.Retention;
using VssBot.Core.Staff;

namespace VssBot.IntegrationTests.Storage;

/// <summary>
/// What every store must do, written once against the small interfaces: a store provider
/// (LiteDB today; PostgreSQL next) derives from this class and only says how to open itself.
/// Every fact runs on a fresh store.
/// </summary>
public abstract class StoreContract : IAsyncLifetime
{
    /// <summary>The store under test, implementing all the store interfaces.</summary>
    protected abstract Task<object> OpenAsync();

    protected abstract Task CloseAsync();

    private object _store = null!;

    private T S<T>() => (T)_store;

    public async Task InitializeAsync() => _store = await OpenAsync();

    public Task DisposeAsync() => CloseAsync();

    private static readonly DateTimeOffset At = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    private static TurnResult Turn(string id, string? unit = null)
    {
        var conversation = new Conversation { Id = id, Channel = "web", DialogId = "menu", StepId = "menu", UnitCode = unit, CreatedAt = At, UpdatedAt = At, Seq = 2 };
        var turn = new TurnResult(conversation);
        turn.Transcript.Add(new TranscriptEntry { ConversationId = id, Seq = 1, From = Sender.User, Text = "xin chào", At = At });
        turn.Transcript.Add(new TranscriptEntry { ConversationId = id, Seq = 2, From = Sender.Bot, Text = "Chào bạn", At = At });
        turn.Links.Add(new ChannelLink { Id = "web:" + id, ConversationId = id });
        return turn;
    }

    [Fact]
    public async Task ATurnsWritesAreReadBackTogether()
    {
        var turn = Turn("c1");
        turn.Dossier = new Dossier { Id = "VB-CONTRACT01", ConversationId = "c1", DialogId = "adult-registration", OfficeId = "hn-dong-da", CreatedAt = At };
        turn.Conversation.Dossiers.Add("VB-CONTRACT01");
        turn.PhotosToStore.Add(new StoredPhoto("c1/00001-portrait", [0xFF, 0xD8, 1, 2, 3]));
        turn.Outbox.Add(new OutboxMessage { Id = "o1", Channel = "zalo", Address = "u1", ConversationId = "c1", Text = "Chào bạn", CreatedAt = At });
        await S<IConversationStore>().CommitAsync(turn);

        Assert.Equal("menu", S<IConversationStore>().FindConversation("c1")!.StepId);
        Assert.Equal(["xin chào", "Chào bạn"], S<IConversationStore>().Transcript("c1", 0).Select(t => t.Text));
        Assert.Equal(["Chào bạn"], S<IConversationStore>().Transcript("c1", 1).Select(t => t.Text));
        Assert.Equal("c1", S<IChannelStore>().LinkedConversation("web:c1"));
        Assert.Equal([0xFF, 0xD8, 1, 2, 3], S<IConversationStore>().Photo("c1/00001-portrait"));
        Assert.Equal("hn-dong-da", S<IDossierStore>().FindDossier("VB-CONTRACT01")!.OfficeId);
        Assert.Single(S<IDossierStore>().DossiersOf("c1"));
        Assert.Equal(["o1"], S<IChannelStore>().PendingOutbox("zalo", 10).Select(m => m.Id));
        Assert.Null(S<IConversationStore>().FindConversation("c2"));
    }

    [Fact]
    public async Task ALongConversationsTranscriptReadsWholeAndInOrderFromAnyPointUntilErased()
    {
        var store = S<IConversationStore>();
        var conversation = new Conversation { Id = "c40", Channel = "web", DialogId = "menu", StepId = "menu", CreatedAt = At, UpdatedAt = At };
        for (var turn = 1; turn <= 40; turn++)
        {
            conversation = turn == 1 ? conversation : store.FindConversation("c40")!;
            conversation.Seq = 2 * turn;
            var result = new TurnResult(conversation);
            result.Transcript.Add(new TranscriptEntry { ConversationId = "c40", Seq = 2 * turn - 1, From = Sender.User, Text = $"hỏi {turn}", At = At });
            result.Transcript.Add(new TranscriptEntry { ConversationId = "c40", Seq = 2 * turn, From = Sender.Bot, Text = $"đáp {turn}", At = At });
            await store.CommitAsync(result);
            Assert.Equal(Enumerable.Range(1, 2 * turn), store.Transcript("c40", 0).Select(t => t.Seq));
        }

        Assert.Equal(Enumerable.Range(32, 49), store.Transcript("c40", 31).Select(t => t.Seq));
        Assert.Equal(["đáp 40"], store.Transcript("c40", 79).Select(t => t.Text));
        Assert.Empty(store.Transcript("c40", 80));

        var erased = new TurnResult(store.FindConversation("c40")!) { EraseConversation = true };
        erased.Conversation.Seq = 81;
        erased.Transcript.Add(new TranscriptEntry { ConversationId = "c40", Seq = 81, From = Sender.Bot, Text = "Đã xoá", At = At });
        await store.CommitAsync(erased);
        Assert.Equal([81], store.Transcript("c40", 0).Select(t => t.Seq));
    }

    [Fact]
    public async Task AResubmittedDossierIsTheNextVersionAndKeepsWhatHappenedOutsideTheChat()
    {
        var first = Turn("c5", unit: "TH-A");
        first.Dossier = new Dossier { Id = "VB-CONTRACT05", ConversationId = "c5", DialogId = "adult-registration", UnitCode = "TH-A", CreatedAt = At,
            Discrepancies = ["Thẻ BHYT: sai nơi khám"] };
        await S<IConversationStore>().CommitAsync(first);
        await S<IUnitStore>().MarkForm01ReceivedAsync("VB-CONTRACT05", At.AddDays(1));

        var again = new TurnResult(S<IConversationStore>().FindConversation("c5")!)
        {
            Dossier = new Dossier { Id = "VB-CONTRACT05", ConversationId = "c5", DialogId = "adult-registration", CreatedAt = At.AddDays(2) },
            DossierResubmitted = true,
        };
        await S<IConversationStore>().CommitAsync(again);

        var dossier = S<IDossierStore>().FindDossier("VB-CONTRACT05")!;
        Assert.Equal(2, dossier.Version);
        Assert.Equal([1], dossier.History.Select(h => h.Version));
        Assert.Equal("TH-A", dossier.UnitCode);
        Assert.Equal(At.AddDays(1), dossier.Form01ReceivedAt);
        Assert.Equal(["Thẻ BHYT: sai nơi khám"], dossier.Discrepancies);

        // Another conversation cannot take the reference.
        var thief = Turn("c6");
        thief.Dossier = new Dossier { Id = "VB-CONTRACT05", ConversationId = "c6", DialogId = "adult-registration", CreatedAt = At };
        await Assert.ThrowsAsync<DossierReferenceTakenException>(() => S<IConversationStore>().CommitAsync(thief));
        Assert.Null(S<IConversationStore>().FindConversation("c6"));
    }

    [Fact]
    public async Task AnUpdateIsRecordedOnceAndLeavesWhenHandled()
    {
        var update = new ChannelUpdate { Id = "zalo:m1", Channel = "zalo", Number = 1, Address = "u1", Payload = "{}", ReceivedAt = At };
        Assert.True(await S<IChannelStore>().RecordUpdateAsync(update));
        Assert.False(await S<IChannelStore>().RecordUpdateAsync(update));
        Assert.Single(S<IChannelStore>().PendingUpdates("zalo"));
        Assert.Empty(S<IChannelStore>().PendingUpdates("telegram"));
        await S<IChannelStore>().RecordUpdateAsync(new ChannelUpdate { Id = "zalo:m3", Channel = "zalo", Number = 3, Address = "u1", Payload = "{}", ReceivedAt = At });
        await S<IChannelStore>().RecordUpdateAsync(new ChannelUpdate { Id = "zalo:m2", Channel = "zalo", Number = 2, Address = "u1", Payload = "{}", ReceivedAt = At });
        await S<IChannelStore>().RecordUpdateAsync(new ChannelUpdate { Id = "zalo:o1", Channel = "zalo", Number = 4, Address = "u2", Payload = "{}", ReceivedAt = At });
        Assert.Equal(["zalo:m1", "zalo:m2", "zalo:m3"], S<IChannelStore>().PendingUpdates("zalo", "u1").Select(u => u.Id));
        await S<IChannelStore>().MarkHandledAsync("zalo:m1");
        Assert.Equal(["zalo:m2", "zalo:m3", "zalo:o1"], S<IChannelStore>().PendingUpdates("zalo").Select(u => u.Id));
        Assert.Equal(["zalo:o1"], S<IChannelStore>().PendingUpdates("zalo", "u2").Select(u => u.Id));
        Assert.Empty(S<IChannelStore>().PendingUpdates("telegram", "u1"));
    }

    [Fact]
    public async Task TheOutboxKeepsOrderAndLetsAMessageWaitOrLeave()
    {
        var channel = S<IChannelStore>();
        await channel.EnqueueAsync(new OutboxMessage { Id = "b", Channel = "zalo", Address = "u1", Text = "2", CreatedAt = At.AddSeconds(2) });
        await channel.EnqueueAsync(new OutboxMessage { Id = "a", Channel = "zalo", Address = "u1", Text = "1", CreatedAt = At.AddSeconds(1) });
        await channel.EnqueueAsync(new OutboxMessage { Id = "t", Channel = "telegram", Address = "9", Text = "x", CreatedAt = At });
        Assert.Equal(2, channel.OutboxBacklog("zalo"));
        Assert.Equal(1, channel.OutboxBacklog("telegram"));
        Assert.Equal(["a", "b"], channel.PendingOutbox("zalo", 10).Select(m => m.Id));

        var first = channel.PendingOutbox("zalo", 10)[0];
        first.WaitingForPerson = true;
        await channel.EnqueueAsync(first);
        Assert.True(channel.PendingOutbox("zalo", 10)[0].WaitingForPerson);

        first.SentAt = At.AddMinutes(1);
        await channel.MarkSentAsync(first);
        Assert.Equal(["b"], channel.PendingOutbox("zalo", 10).Select(m => m.Id));
        var second = channel.PendingOutbox("zalo", 10)[0];
        second.FailedReason = "-201: bad";
        await channel.MarkSentAsync(second);
        Assert.Equal(0, channel.OutboxBacklog("zalo"));
        Assert.Empty(channel.PendingOutbox("zalo", 10));
    }

    [Fact]
    public async Task ErasureTakesEverythingOfAConversationAndSendsWhatRemovesItsCopies()
    {
        var turn = Turn("c9");
        turn.Dossier = new Dossier { Id = "VB-CONTRACT09", ConversationId = "c9", DialogId = "adult-registration", CreatedAt = At, Values = { ["id_number"] = "001090001234" } };
        turn.PhotosToStore.Add(new StoredPhoto("c9/00001-portrait", [0xFF, 0xD8]));
        await S<IConversationStore>().CommitAsync(turn);
        await S<IChannelStore>().SaveRecordsAsync(new ChannelRecord
        {
            Id = "telegram:topic-of:c9", ConversationId = "c9", Value = "42",
            OnErase = new OutboxMessage { Channel = "telegram", Address = "delete-topic:-100:42" },
        });

        Assert.Equal(["c9"], S<IRetentionStore>().ConversationsOf("001090001234"));
        await S<IRetentionStore>().DeleteConversationsAsync(["c9"]);

        Assert.Null(S<IConversationStore>().FindConversation("c9"));
        Assert.Empty(S<IConversationStore>().Transcript("c9", 0));
        Assert.Null(S<IConversationStore>().Photo("c9/00001-portrait"));
        Assert.Null(S<IDossierStore>().FindDossier("VB-CONTRACT09"));
        Assert.Null(S<IChannelStore>().LinkedConversation("web:c9"));
        Assert.Null(S<IChannelStore>().FindRecord("telegram:topic-of:c9"));
        Assert.Equal(["delete-topic:-100:42"], S<IChannelStore>().PendingOutbox("telegram", 10).Select(m => m.Address));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("tok%")]
    [InlineData("*")]
    [InlineData("")]
    public async Task UnitsAreFoundByExactCodesAndTokensOnly(string typed)
    {
        var units = S<IUnitStore>();
        await units.SaveUnitAsync(new Unit { Code = "AB", Name = "Đơn vị AB", OfficeId = "hn-dong-da", Token = "token-ab-123456" });
        await units.SaveUnitAsync(new Unit { Code = "A", Name = "Đơn vị A", OfficeId = "hn-dong-da", Token = "token-a-1234567" });
        await S<IConversationStore>().CommitAsync(Turn("c-ab", unit: "AB"));

        Assert.Null(units.FindUnitByToken(typed));
        Assert.Null(units.FindUnit(typed));
        Assert.Equal("AB", units.FindUnitByToken("token-ab-123456")!.Code);
        Assert.Equal("AB", units.FindUnit("ab")!.Code);
        Assert.Empty(units.ConversationsOfUnits(new HashSet<string> { "A" }));
        Assert.Equal(["c-ab"], units.ConversationsOfUnits(new HashSet<string> { "AB" }).Select(c => c.Id));
        Assert.Equal(["A", "AB"], units.Units("hn-dong-da").Select(u => u.Code));
    }

    [Fact]
    public async Task StaffSavesAreOptimisticAndSecretsRoundTrip()
    {
        var staff = S<IStaffStore>();
        await staff.SaveStaffAsync(new StaffAccount { Id = "lan", DisplayName = "Lan", ConcurrencyStamp = "s1", Offices = ["hn-dong-da"] });
        var mine = staff.FindStaff("lan")!;
        var theirs = staff.FindStaff("lan")!;
        Assert.True(await staff.SaveStaffIfUnchangedAsync(mine, "s2"));
        Assert.False(await staff.SaveStaffIfUnchangedAsync(theirs, "s3"));
        Assert.Equal("s2", staff.FindStaff("lan")!.ConcurrencyStamp);

        await S<IAuditLog>().AuditAsync("lan", "login", "lan", At);
        Assert.Contains(S<IAuditLog>().AuditLog(), a => a.Staff == "lan" && a.Action == "login");

        Assert.Null(S<ISecretStore>().Secret("zalo:tokens"));
        await S<ISecretStore>().SaveSecretAsync("zalo:tokens", "{\"a\":1}");
        await S<ISecretStore>().SaveSecretAsync("zalo:tokens", "{\"a\":2}");
        Assert.Equal("{\"a\":2}", S<ISecretStore>().Secret("zalo:tokens"));
    }
}
