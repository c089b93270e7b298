using VssBot.Core.Conversations;
using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Domain.Units;
using VssBot.Core.Engine;
using VssBot.Core.Migration;
using VssBot.Core.Staff;
using VssBot.Storage;
using VssBot.Storage.Postgres;

namespace VssBot.Cli;

/// <summary>
/// `data migrate --from litedb --to postgres`, with the server stopped: copies everything in
/// the LiteDB file (Storage:DataDirectory) into an empty PostgreSQL database
/// (Storage:ConnectionString), both under Storage:Password, then counts every kind on both
/// sides; any difference fails the command. Staff sign in again afterwards (the sign-in
/// key ring is made anew in the database).
/// </summary>
public static class DataMigration
{
    public static async Task<int> RunAsync(IServiceProvider services, IConfiguration arguments, TextWriter output)
    {
        var options = services.GetRequiredService<StoreOptions>();
        if (!string.Equals(arguments["from"], "litedb", StringComparison.OrdinalIgnoreCase) || !string.Equals(arguments["to"], "postgres", StringComparison.OrdinalIgnoreCase))
        {
            output.WriteLine("usage: data migrate --from litedb --to postgres   (Storage:DataDirectory → Storage:ConnectionString)");
            return 2;
        }

        var file = Path.Combine(options.DataDirectory, LiteDbStore.FileName);
        if (!File.Exists(file) || string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            output.WriteLine(File.Exists(file) ? "data migrate: set Storage:ConnectionString to the PostgreSQL database to fill" : $"data migrate: no LiteDB database at {file}");
            return 1;
        }

        // With Storage:Provider=LiteDB (the default) the host has the file open already.
        using var owned = options.Provider == StoreOptions.LiteDb ? null : new LiteDbStore(options);
        var source = owned ?? services.GetRequiredService<LiteDbStore>();
        using var target = await PostgresStore.OpenAsync(options.ConnectionString, options.Password!);
        if (target.ConversationIds().Any() || target.AllStaff().Count > 0)
        {
            output.WriteLine("data migrate: the PostgreSQL database is not empty; migrate into a new database");
            return 1;
        }

        await CopyAsync(source, target);
        var differences = 0;
        foreach (var (kind, from, to) in Counts(source, target))
        {
            output.WriteLine($"{kind,-22} {from,8} → {to,8}{(from == to ? "" : "   DIFFERS")}");
            differences += from == to ? 0 : 1;
        }

        output.WriteLine(differences == 0 ? "data migrate: done, every count matches" : $"data migrate: {differences} count(s) differ");
        return differences == 0 ? 0 : 1;
    }

    private static async Task CopyAsync(LiteDbStore source, PostgresStore target)
    {
        target.ArchiveDialogs(source.DialogVersions());
        foreach (var (key, value) in source.Secrets())
        {
            await target.SaveSecretAsync(key, value);
        }

        foreach (var account in source.AllStaff())
        {
            await target.SaveStaffAsync(account);
        }

        foreach (var unit in source.Units())
        {
            await target.SaveUnitAsync(unit);
        }

        // A conversation with its transcript, photos and chat links in one commit.
        var links = source.Links().ToLookup(l => l.ConversationId);
        var photos = source.PhotoKeys().ToLookup(k => k.Split('/')[0]);
        foreach (var id in source.ConversationIds().ToList())
        {
            var turn = new TurnResult(source.FindConversation(id)!);
            turn.Transcript.AddRange(source.Transcript(id, 0));
            turn.Links.AddRange(links[id]);
            turn.PhotosToStore.AddRange(photos[id].Select(key => new StoredPhoto(key, source.Photo(key)!)));
            await target.CommitAsync(turn);
        }

        foreach (var dossier in source.AllDossiers())
        {
            await target.SaveDossierAsync(dossier);
        }

        foreach (var note in source.Notes())
        {
            await target.AddNoteAsync(note);
        }

        foreach (var entry in source.AuditLog())
        {
            await target.AuditAsync(entry.Staff, entry.Action, entry.Subject, entry.At);
        }

        await target.SaveRecordsAsync([.. source.Records()]);
        foreach (var update in source.Updates())
        {
            await target.RecordUpdateAsync(update);
            if (update.Done)
            {
                await target.MarkHandledAsync(update.Id);
            }
        }

        foreach (var message in source.Outbox())
        {
            await target.EnqueueAsync(message);
        }
    }

    private static IEnumerable<(string Kind, int From, int To)> Counts(LiteDbStore source, PostgresStore target)
    {
        static IEnumerable<(string, int, int)> Both(object a, object b, params (string Kind, Func<object, int> Count)[] kinds) =>
            kinds.Select(k => (k.Kind, k.Count(a), k.Count(b)));

        return Both(source, target,
            ("conversations", s => ((IStoreExport)s).ConversationIds().Count()),
            ("transcript entries", s => ((IStoreExport)s).ConversationIds().Sum(id => ((IConversationStore)s).Transcript(id, 0).Count)),
            ("photos", s => ((IStoreExport)s).PhotoKeys().Count(key => ((IConversationStore)s).Photo(key) is not null)),
            ("dossiers", s => ((IDossierStore)s).AllDossiers().Count),
            ("chat links", s => ((IStoreExport)s).Links().Count()),
            ("channel updates", s => ((IStoreExport)s).Updates().Count()),
            ("undelivered messages", s => ((IStoreExport)s).Outbox().Count()),
            ("channel records", s => ((IStoreExport)s).Records().Count()),
            ("staff accounts", s => ((IStaffStore)s).AllStaff().Count),
            ("audit entries", s => ((IAuditLog)s).AuditLog().Count),
            ("staff notes", s => ((IStoreExport)s).Notes().Count()),
            ("units", s => ((IUnitStore)s).Units().Count),
            ("secrets", s => ((IStoreExport)s).Secrets().Count()),
            ("dialog versions", s => ((IStoreExport)s).DialogVersions().Count()));
    }
}
