using Npgsql;
using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Engine;
using VssBot.IntegrationTests.Support;
using VssBot.Storage.Postgres;

namespace VssBot.IntegrationTests.Storage;

/// <summary>The per-conversation lock on PostgreSQL, as two instances hold it: transaction-scoped,
/// taken with the conversation's read, released by the turn's commit or, without one, a rollback.</summary>
[Collection(SeparateProcesses.Name)]
public sealed class PostgresConversationLockTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    private static TurnResult Turn(Conversation conversation, string step)
    {
        conversation.StepId = step;
        conversation.Seq++;
        var turn = new TurnResult(conversation);
        turn.Transcript.Add(new TranscriptEntry { ConversationId = conversation.Id, Seq = conversation.Seq, From = Sender.User, Text = step, At = At });
        return turn;
    }

    /// <summary>What one VssBot instance on the database has: its store and its lock.</summary>
    private sealed record Instance(PostgresStore Store, PostgresConversationLock Lock) : IDisposable
    {
        public static async Task<Instance> OpenAsync(string database)
        {
            var store = await PostgresStore.OpenAsync(database, VssBotProcess.TestKey);
            return new Instance(store, new PostgresConversationLock(database, store));
        }

        public void Dispose()
        {
            Lock.Dispose();
            Store.Dispose();
        }
    }

    private static async Task<int> WaitingForAdvisoryLocksAsync(string connectionString)
    {
        await using var data = NpgsqlDataSource.Create(connectionString);
        await using var count = data.CreateCommand("select count(*) from pg_locks where locktype = 'advisory' and not granted");
        return Convert.ToInt32(await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task AnotherInstanceWaitsForTheCommitThenReadsWhatItWrote()
    {
        var database = await postgres.NewDatabaseAsync();
        using var a = await Instance.OpenAsync(database);
        using var b = await Instance.OpenAsync(database);
        var (storeA, lockA, storeB, lockB) = (a.Store, a.Lock, b.Store, b.Lock);
        await storeA.CommitAsync(Turn(new Conversation { Id = "c1", Channel = "web", DialogId = "menu", CreatedAt = At, UpdatedAt = At }, "menu"));

        var heldA = await lockA.AcquireAsync("c1");
        var other = await lockB.AcquireAsync("c2"); // another conversation: no wait
        other.Dispose();
        var waitingB = lockB.AcquireAsync("c1");
        await Poll.UntilAsync(async () => await WaitingForAdvisoryLocksAsync(database) == 1, TimeSpan.FromSeconds(20), "instance B never waited for A's lock");
        Assert.False(waitingB.IsCompleted);

        await storeA.CommitAsync(Turn(storeA.FindConversation("c1")!, "bhxh_code"));
        using (heldA)
        using (await waitingB)
        {
            Assert.Equal("bhxh_code", storeB.FindConversation("c1")!.StepId);
            Assert.Equal(["menu", "bhxh_code"], storeB.Transcript("c1", 0).Select(t => t.Text));
        }
    }

    [Fact]
    public async Task ATurnThatReadsBeforeItWritesDoesSoInTheLocksTransaction()
    {
        var database = await postgres.NewDatabaseAsync();
        using var a = await Instance.OpenAsync(database);
        var conversation = new Conversation { Id = "c4", Channel = "web", DialogId = "menu", CreatedAt = At, UpdatedAt = At };
        using (await a.Lock.AcquireAsync("c4"))
        {
            var first = Turn(conversation, "done");
            first.Dossier = new Dossier { Id = "VB-LOCK04", ConversationId = "c4", DialogId = "adult-registration", CreatedAt = At, Discrepancies = ["Thẻ BHYT: sai nơi khám"] };
            first.Conversation.Dossiers.Add("VB-LOCK04");
            await a.Store.CommitAsync(first);
        }

        // A resubmission reads the earlier version first, then writes: all under the lock.
        using (await a.Lock.AcquireAsync("c4"))
        {
            var again = Turn(a.Store.FindConversation("c4")!, "done");
            again.Dossier = new Dossier { Id = "VB-LOCK04", ConversationId = "c4", DialogId = "adult-registration", CreatedAt = At.AddDays(1) };
            again.DossierResubmitted = true;
            await a.Store.CommitAsync(again);
        }

        var dossier = a.Store.FindDossier("VB-LOCK04")!;
        Assert.Equal(2, dossier.Version);
        Assert.Equal(["Thẻ BHYT: sai nơi khám"], dossier.Discrepancies);
        Assert.Equal(0, await WaitingForAdvisoryLocksAsync(database));
    }

    [Fact]
    public async Task ATurnThatDoesNotCommitRollsBackAndFreesTheConversation()
    {
        var database = await postgres.NewDatabaseAsync();
        using Instance a = await Instance.OpenAsync(database), b = await Instance.OpenAsync(database);

        using (await a.Lock.AcquireAsync("c3"))
        {
            Assert.Null(a.Store.FindConversation("c3")); // read with the lock: not there yet
        }

        using (await b.Lock.AcquireAsync("c3"))
        {
            await b.Store.CommitAsync(Turn(new Conversation { Id = "c3", Channel = "web", DialogId = "menu", CreatedAt = At, UpdatedAt = At }, "menu"));
        }

        using (await a.Lock.AcquireAsync("c3"))
        {
            Assert.Equal("menu", a.Store.FindConversation("c3")!.StepId);
        }

        Assert.Equal(0, await WaitingForAdvisoryLocksAsync(database));
        Assert.Equal("menu", a.Store.FindConversation("c3")!.StepId); // outside a lock: read from the database
    }
}
