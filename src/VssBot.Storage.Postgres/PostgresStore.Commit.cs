using Npgsql;
using VssBot.Core.Conversations;
using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Engine;

namespace VssBot.Storage.Postgres;

// A turn's writes in one transaction, and erasure.
public sealed partial class PostgresStore
{
    public async Task CommitAsync(TurnResult turn)
    {
        var c = turn.Conversation;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        // Under the conversation's lock (PostgresConversationLock) the turn goes on in the lock's
        // transaction and its writes end with the COMMIT that releases the lock: one round trip.
        // Otherwise most turns only write: one batch, its own implicit transaction; a turn that
        // reads before it writes (a dossier, an erasure) opens a transaction.
        var held = HeldTransaction(c.Id);
        await using var owned = held is null ? await _data.OpenConnectionAsync() : null;
        var connection = held ?? owned!;
        var readsFirst = turn.Dossier is not null || turn.LoggedIn is not null || turn.Discrepancy is not null || turn.EraseConversation;
        await using var tx = held is null && readsFirst ? await connection.BeginTransactionAsync() : null;
        if (turn.Dossier is { } submitted && await DossierOwnerAsync(connection, tx, submitted.Id) is { } owner && owner != submitted.ConversationId)
        {
            // A reference is unique: the turn is refused whole and run again with the next one.
            throw new DossierReferenceTakenException(submitted.Id);
        }

        if (turn.EraseConversation)
        {
            await EraseAsync(connection, tx, c.Id, keepConversation: true);
        }

        // The turn's writes go to the server together (one round trip), read-backs flushing first.
        var batch = new Batch(connection, tx);
        var sealedConversation = _sealed.Seal(c);
        batch.Add("""
            insert into conversations (id, unit, handed_off, updated_at, data) values (@id, @unit, @handed, @at, @data)
            on conflict (id) do update set unit = excluded.unit, handed_off = excluded.handed_off, updated_at = excluded.updated_at, data = excluded.data
            """, ("id", c.Id), ("unit", c.UnitCode), ("handed", c.Handoff is not null), ("at", c.UpdatedAt.UtcDateTime), ("data", sealedConversation));
        if (turn.Transcript.Count > 0)
        {
            // One statement for the turn's entries, however many.
            batch.Add("insert into transcript (conversation_id, seq, data) select @id, unnest(@seqs::int[]), unnest(@data::bytea[]) on conflict do nothing",
                ("id", c.Id), ("seqs", turn.Transcript.Select(e => e.Seq).ToArray()), ("data", turn.Transcript.Select(e => _sealed.Seal(e)).ToArray()));
        }

        foreach (var key in turn.PhotosToDelete)
        {
            batch.Add("delete from photos where key = @key", ("key", key));
        }

        foreach (var photo in turn.PhotosToStore)
        {
            batch.Add("insert into photos (key, conversation_id, data) values (@key, @id, @data) on conflict (key) do update set data = excluded.data",
                ("key", photo.Key), ("id", c.Id), ("data", _sealed.SealBytes(photo.Jpeg)));
        }

        if (turn.Dossier is { } dossier)
        {
            if (turn.DossierResubmitted && await DossierAsync(batch, dossier.Id) is { } earlier)
            {
                Resubmission.CarryOver(dossier, earlier);
            }

            batch.Add(UpsertDossier(dossier));
        }

        if (turn.LoggedIn is { } login && await DossierAsync(batch, login.DossierId) is { } loggedIn && loggedIn.ConversationId == c.Id)
        {
            loggedIn.LoggedInAt ??= login.At;
            batch.Add(UpsertDossier(loggedIn));
        }

        if (turn.Discrepancy is { } reported && c.Dossiers.LastOrDefault() is { } latest && await DossierAsync(batch, latest) is { } reportedOn)
        {
            reportedOn.Discrepancies.Add(reported);
            batch.Add(UpsertDossier(reportedOn));
        }

        foreach (var message in turn.Outbox)
        {
            batch.Add(UpsertOutbox(message));
        }

        foreach (var id in turn.HandledUpdates)
        {
            batch.Add("update channel_updates set done = true, address = '', data = null where id = @id", ("id", id));
        }

        foreach (var link in turn.Links)
        {
            batch.Add("insert into channel_links (id, conversation_id) values (@id, @c) on conflict (id) do update set conversation_id = excluded.conversation_id",
                ("id", link.Id), ("c", link.ConversationId));
        }

        if (held is not null)
        {
            batch.Add("commit");
        }

        await batch.FlushAsync();
        if (tx is not null)
        {
            await tx.CommitAsync();
        }

        Committed(c.Id, sealedConversation);
        VssBot.Core.Telemetry.VssBotMetrics.StoreCommit.Record(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        VssBot.Core.Telemetry.VssBotMetrics.StoreBatchSize.Record(1);
    }

    private async Task UpsertDossierAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, Dossier dossier)
    {
        var (sql, parameters) = UpsertDossier(dossier);
        await ExecuteAsync(connection, tx, sql, parameters);
    }

    private async Task UpsertOutboxAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, OutboxMessage message)
    {
        var (sql, parameters) = UpsertOutbox(message);
        await ExecuteAsync(connection, tx, sql, parameters);
    }

    private (string, (string, object?)[]) UpsertDossier(Dossier dossier) => ("""
        insert into dossiers (id, conversation_id, unit_code, data) values (@id, @c, @unit, @data)
        on conflict (id) do update set conversation_id = excluded.conversation_id, unit_code = excluded.unit_code, data = excluded.data
        """, [("id", dossier.Id), ("c", dossier.ConversationId), ("unit", dossier.UnitCode), ("data", _sealed.Seal(dossier))]);

    private (string, (string, object?)[]) UpsertOutbox(OutboxMessage message) => ("""
        insert into outbox (id, channel, address, conversation_id, created_at, pending, data) values (@id, @channel, @address, @c, @at, @pending, @data)
        on conflict (id) do update set address = excluded.address, pending = excluded.pending, data = excluded.data
        """, [("id", message.Id), ("channel", message.Channel), ("address", message.Address), ("c", message.ConversationId),
        ("at", message.CreatedAt.UtcDateTime), ("pending", message.SentAt is null && message.FailedReason is null), ("data", _sealed.Seal(message))]);

    private async Task<Dossier?> DossierAsync(Batch batch, string id)
    {
        await batch.FlushAsync();
        return await DossierAsync(batch.Connection, batch.Transaction, id);
    }

    private async Task<Dossier?> DossierAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string id)
    {
        await using var command = new NpgsqlCommand("select data from dossiers where id = @id", connection, tx);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteScalarAsync() is byte[] data ? _sealed.Open<Dossier>(data) : null;
    }

    private static async Task<string?> DossierOwnerAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string id)
    {
        await using var command = new NpgsqlCommand("select conversation_id from dossiers where id = @id", connection, tx);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteScalarAsync() as string;
    }

    /// <summary>Everything of a conversation: transcript, photos, dossiers, notes, undelivered
    /// messages, channels' records (each channel's removal of its copy is queued); unless kept,
    /// the conversation, its chat links and the updates received from those chats.</summary>
    private async Task EraseAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string id, bool keepConversation)
    {
        foreach (var table in new[] { "transcript", "photos", "dossiers", "notes", "outbox" })
        {
            await ExecuteAsync(connection, tx, $"delete from {table} where conversation_id = @id", ("id", id));
        }

        var erased = new List<OutboxMessage>();
        await using (var records = new NpgsqlCommand("delete from channel_records where conversation_id = @id returning data", connection, tx))
        {
            records.Parameters.AddWithValue("id", id);
            await using var reader = await records.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (_sealed.Open<ChannelRecord>((byte[])reader[0]).OnErase is { } message)
                {
                    erased.Add(message);
                }
            }
        }

        foreach (var message in erased)
        {
            message.Id = Guid.NewGuid().ToString("N");
            message.CreatedAt = DateTimeOffset.UtcNow;
            await UpsertOutboxAsync(connection, tx, message);
        }

        if (!keepConversation)
        {
            await ExecuteAsync(connection, tx, "delete from conversations where id = @id", ("id", id));
            await ExecuteAsync(connection, tx, """
                delete from channel_updates u using channel_links l
                where l.conversation_id = @id and u.channel = split_part(l.id, ':', 1) and u.address = substr(l.id, length(split_part(l.id, ':', 1)) + 2)
                """, ("id", id));
            await ExecuteAsync(connection, tx, "delete from channel_links where conversation_id = @id", ("id", id));
        }
    }
}
