using LiteDB;
using VssBot.Core.Conversations;
using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Engine;

namespace VssBot.Storage;

/// <summary>
/// The embedded default store: one LiteDB file holding conversations (with their latest
/// turns' transcript), older transcript pages, dossiers, photos (one document each) and the
/// dialog versions conversations began on.
/// </summary>
public sealed partial class LiteDbStore : IConversationStore, IChannelStore, VssBot.Core.Staff.IStaffDirectory, VssBot.Core.Domain.Units.IUnitStore, ISecretStore,
    VssBot.Core.Domain.Dossiers.IDossierStore, VssBot.Core.Staff.IStaffStore, VssBot.Core.Staff.IHandoffStore, VssBot.Core.Retention.IRetentionStore, IStoreHealth, IDisposable
{
    public const string FileName = "vssbot.db";

    private readonly LiteDatabase _db;
    private readonly GroupCommitter _committer;
    private readonly TurnJournal _journal;
    private readonly SwappableEngine _engine;
    private readonly LiteDbDurability _durability;
    private readonly string _password;
    private readonly IDiskFaults? _diskFaults;
    private PageCipherStream _data;
    private PageCipherStream _log;
    private readonly BsonMapper _mapper = CreateMapper();

    // Conversations as last committed, so that a turn does not read its conversation back
    // from the file; cleared whole when full (the file stays the truth).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, BsonDocument> _committed = new();
    private const int CacheSize = 20_000;

    // Chat links (a web key, a Telegram chat → its conversation), read on every message: they
    // only change by being added (kept here after the commit) or erased (the cache is cleared).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _links = new();
    private int _disposed;

    public LiteDbStore(StoreOptions options)
        : this(options, GroupCommitter.DefaultApplyAfter)
    {
    }

    /// <summary>With how long journaled turns wait before they go into the file, and faults
    /// to inject into its file layer (tests).</summary>
    internal LiteDbStore(StoreOptions options, TimeSpan applyAfter, IDiskFaults? diskFaults = null)
    {
        _diskFaults = diskFaults;
        Directory.CreateDirectory(options.DataDirectory);
        Path = System.IO.Path.GetFullPath(System.IO.Path.Combine(options.DataDirectory, FileName));
        if (string.IsNullOrEmpty(options.Password))
        {
            throw new ArgumentException("a database password is required", nameof(options));
        }

        _password = options.Password;
        var (engine, data, log) = OpenEngine();
        (_data, _log) = (data, log);
        _engine = new SwappableEngine(engine);
        _db = new LiteDatabase(_engine, _mapper);
        // Conversations and transcript pages, written every turn, have no secondary index to
        // keep up: pages are found by their id's prefix (the conversation), the few handed-off
        // conversations are listed in a collection of their own, retention scans hourly.
        _db.GetCollection<Dossier>(Collections.Dossiers).EnsureIndex(d => d.ConversationId);
        _db.GetCollection<Dossier>(Collections.Dossiers).EnsureIndex(d => d.UnitCode);
        _db.GetCollection<ChannelRecord>(Collections.Records).EnsureIndex(r => r.ConversationId);
        _db.GetCollection(Collections.Conversations).EnsureIndex("Unit");
        _db.GetCollection<VssBot.Core.Domain.Units.Unit>(Collections.Units).EnsureIndex(u => u.Token, unique: true);
        _db.GetCollection<ChannelUpdate>(Collections.Updates).EnsureIndex(u => u.Done);
        _db.GetCollection<OutboxMessage>(Collections.Outbox).EnsureIndex(m => m.SentAt);
        _durability = new LiteDbDurability(engine, _log);
        _journal = OpenJournal(options.DataDirectory, options.Password, _durability);
        _committer = new GroupCommitter(_db, options.MaxBatch, _durability, _journal, _pending, applyAfter, Faults, options.DataDirectory, ReopenEngine, _diskFaults);
    }

    // LiteDB's own file format and encryption, through streams of ours: faster page
    // encryption, and commits made durable (see PageCipherStream, LiteDbDurability).
    private (LiteDB.Engine.LiteEngine Engine, PageCipherStream Data, PageCipherStream Log) OpenEngine()
    {
        var data = new PageCipherStream(Path, _password, syncOnFlush: true, _diskFaults);
        PageCipherStream? log = null;
        try
        {
            log = new PageCipherStream(LogPath, _password, syncOnFlush: false, _diskFaults);
            var engine = new LiteDB.Engine.LiteEngine(new LiteDB.Engine.EngineSettings
            {
                DataStream = data,
                LogStream = log,
                TempStream = new MemoryStream(), // sorts never spill to an unencrypted file
            });
            return (engine, data, log);
        }
        catch
        {
            log?.Dispose();
            data.Dispose();
            throw;
        }
    }

    // Writer thread, no transaction open, the applier idle: after a failed disk write LiteDB's
    // engine is closed for good, so the files are opened anew (LiteDB restores what its log
    // confirmed; everything journaled since is still pending and goes in next). Throws when
    // they cannot be opened yet: the store stays refusing writes and tries again.
    private void ReopenEngine()
    {
        var (engine, data, log) = OpenEngineAfterClosing();
        var old = _engine.Swap(engine);
        (_data, _log) = (data, log);
        _durability.Reopen(engine, log);
        AbandonedEngine.Leave(old);
        ReplaySinceFault(System.IO.Path.GetDirectoryName(Path)!);
    }

    // The failed engine is not disposed: its dispose checkpoints and waits for locks its
    // failed transaction may still hold. Its files are closed under it instead, so that
    // nothing it still tries can reach them, and it is left to the collector.
    private (LiteDB.Engine.LiteEngine, PageCipherStream, PageCipherStream) OpenEngineAfterClosing()
    {
        foreach (var close in new Action[] { _log.Dispose, _data.Dispose })
        {
            try
            {
                close();
            }
            catch (Exception e)
            {
                Faults.Swallowed("closing the LiteDB engine the disk failed", e);
            }
        }

        return OpenEngine();
    }

    /// <summary>The store's write health: a full or failing disk stops writes until a probe
    /// succeeds (the host connects its logger and answers 503 meanwhile).</summary>
    public StorageFaults Faults { get; } = new();

    /// <inheritdoc/>
    public string? Fault => Faults.Cause;

    /// <summary>fsyncs of the log so far (one a group commit).</summary>
    public long Syncs => _committer.Syncs;

    public string Path { get; }

    /// <summary>Transactions committed so far (each may hold many turns).</summary>
    public long Commits => _committer.Commits;

    private ILiteCollection<TranscriptPage> TranscriptPages => _db.GetCollection<TranscriptPage>(Collections.Transcript);
    private ILiteCollection<Dossier> Dossiers => Db.GetCollection<Dossier>(Collections.Dossiers);

    /// <summary>A conversation as last committed: from the cache of committed documents
    /// when there (no read from the file on a hot conversation), else from the file.</summary>
    public Conversation? FindConversation(string id) =>
        Committed(id) is { } document ? ConversationRecord.Unpack(document) : null;

    private BsonDocument? Committed(string id) =>
        _committed.TryGetValue(id, out var cached) ? cached : Find(Collections.Conversations, id);

    /// <summary>A document by id: journaled and not yet in the file, or from the file. A read
    /// that LiteDB's failed engine (or the disk) refuses is the store being unavailable.</summary>
    private BsonDocument? Find(string collection, string id)
    {
        if (_pending.TryFind(collection, id, out var pending))
        {
            return pending;
        }

        try
        {
            return _db.GetCollection(collection).FindById(id);
        }
        catch (Exception e) when (StorageFaults.IsDiskFault(e))
        {
            Faults.Raise("reading LiteDB", e, liteDb: true);
            throw new StoreUnavailableException(Faults.Cause ?? "storage: " + e.Message, e);
        }
    }

    /// <summary>The file, once everything acknowledged is in it: for queries that the
    /// journaled documents not yet applied cannot answer (ranges, filters, listings).</summary>
    private LiteDatabase Db
    {
        get
        {
            if (!_pending.IsEmpty)
            {
                _committer.Settle().GetAwaiter().GetResult();
            }

            return _db;
        }
    }

    public IReadOnlyList<TranscriptEntry> Transcript(string conversationId, int afterSeq)
    {
        // The conversation's tail first, then the pages: a tail moved into a page meanwhile
        // is then found in the page (an entry seen twice is kept once).
        var conversation = Committed(conversationId);
        var tail = TranscriptTail.Entries(conversationId, conversation, afterSeq).ToList();
        if (TranscriptTail.Covers(conversation, afterSeq))
        {
            return tail; // a chat asking for what is new: no page to read
        }

        var pending = _pending.WithPrefix(Collections.Transcript, conversationId + ":").Select(d => _mapper.ToObject<TranscriptPage>(d)).ToList();
        return pending.Concat(TranscriptPages.Find(PagesOf(conversationId)))
            .Where(p => p.Last > afterSeq)
            .SelectMany(p => p.Entries())
            .Where(t => t.Seq > afterSeq)
            .Concat(tail)
            .DistinctBy(t => t.Seq)
            .OrderBy(t => t.Seq)
            .ToList();
    }

    // Ranges over the primary key, never a LIKE. Page ids are "{id}:{digits}" and photo keys
    // "{id}/{digits}-…": after the same prefix, a digit sorts after "0" and before "a" in
    // ordinal order and in the database's culture collation alike.
    private static BsonExpression PagesOf(string conversationId) => Query.Between("_id", conversationId + ":0", conversationId + ":a");

    public Dossier? FindDossier(string id) =>
        Find(Collections.Dossiers, id) is { } document ? _mapper.ToObject<Dossier>(document) : null;

    public IReadOnlyList<Dossier> AllDossiers() => Dossiers.FindAll().ToList();

    public byte[]? Photo(string key)
    {
        return _pending.TryFind(Collections.PhotoDocs, key, out var pending) ? pending?["Jpeg"].AsBinary : PhotoShelf.Get(_db, key);
    }

    /// <summary>Deletes everything held about one conversation: transcript, photos,
    /// dossiers, staff notes, its staff-group topic (and, through the outbox, the topic's
    /// messages on Telegram), and unless kept, to continue, the conversation itself, its
    /// chat links, the updates received from its chats and its undelivered messages.</summary>
    internal static void Erase(LiteDatabase db, string conversationId, bool keepConversation)
    {
        db.GetCollection<TranscriptPage>(Collections.Transcript).DeleteMany(PagesOf(conversationId));
        PhotoShelf.DeleteOf(db, conversationId);

        db.GetCollection<Dossier>(Collections.Dossiers).DeleteMany(d => d.ConversationId == conversationId);
        db.GetCollection<VssBot.Core.Staff.StaffNote>(Collections.Notes).DeleteMany(n => n.ConversationId == conversationId);
        var outbox = db.GetCollection<OutboxMessage>(Collections.Outbox);
        outbox.DeleteMany(m => m.ConversationId == conversationId);
        // What channels kept about the conversation goes too, and each says how to remove
        // what it copied elsewhere (a staff group's topic).
        var records = db.GetCollection<ChannelRecord>(Collections.Records);
        foreach (var record in records.Find(r => r.ConversationId == conversationId).ToList())
        {
            records.Delete(record.Id);
            if (record.OnErase is { } message)
            {
                message.Id = Guid.NewGuid().ToString("N");
                message.CreatedAt = DateTimeOffset.UtcNow;
                outbox.Insert(message);
            }
        }

        if (!keepConversation)
        {
            db.GetCollection(Collections.Conversations).Delete(conversationId);
            db.GetCollection(Collections.Handoffs).Delete(conversationId);
            var links = db.GetCollection<ChannelLink>(Collections.Links);
            var chats = links.Find(l => l.ConversationId == conversationId).Select(l => l.Id).ToList();
            links.DeleteMany(l => l.ConversationId == conversationId);
            var updates = db.GetCollection<ChannelUpdate>(Collections.Updates);
            foreach (var chat in chats)
            {
                // "telegram:{chat}" → updates from that chat (their payloads hold what the person sent).
                var (channel, address) = (chat[..chat.IndexOf(':')], chat[(chat.IndexOf(':') + 1)..]);
                updates.DeleteMany(u => u.Channel == channel && u.Address == address);
            }
        }
    }

    /// <summary>After an erasure: the conversations and every cached chat link go.</summary>
    private void Forget(IEnumerable<string> conversationIds)
    {
        foreach (var id in conversationIds)
        {
            _committed.TryRemove(id, out _);
        }

        _links.Clear();
    }

    /// <summary>Keeps the text of each dialog version, so that conversations begun on an
    /// older version of an edited file can finish on it.</summary>
    public void ArchiveDialogs(IEnumerable<(string Id, string Version, string Text)> dialogs, DateTimeOffset now)
    {
        var archive = Db.GetCollection<ArchivedDialog>(Collections.DialogVersions);
        foreach (var (id, version, text) in dialogs)
        {
            var key = $"{id}@{version}";
            if (archive.FindById(key) is null)
            {
                archive.Insert(new ArchivedDialog { Id = key, Text = text, SeenAt = now });
            }
        }
    }

    public string? ArchivedDialog(string dialogId, string version) =>
        _db.GetCollection<ArchivedDialog>(Collections.DialogVersions).FindById($"{dialogId}@{version}")?.Text;

    public void Dispose()
    {
        // Registered as itself and as IConversationStore: disposed twice, closed once.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _committer.Dispose(); // everything pending into the file, synced, the journal released
        if (!_committer.Stopped)
        {
            return; // never close what the writer still uses; the journal is replayed at the next start
        }

        _journal.Dispose();
        if (_pending.IsEmpty)
        {
            // All in the file; else the journal stays, to be replayed at the next start.
            foreach (var path in TurnJournal.Slots(System.IO.Path.GetDirectoryName(Path)!))
            {
                File.Delete(path);
            }
        }

        _db.Dispose();
        var logEmpty = _log.Length == 0;
        _log.Dispose();
        _data.Dispose();
        if (logEmpty && File.Exists(LogPath))
        {
            File.Delete(LogPath); // as LiteDB does when it owns the files
        }
    }

    private static BsonMapper CreateMapper()
    {
        // Keep strings as given: a skipped answer is "", not null, and text is not trimmed.
        var mapper = new BsonMapper { EmptyStringToNull = false, TrimWhitespace = false };
        // Instants as BSON dates (UTC, to the millisecond): 8 bytes, not a 33-character string.
        mapper.RegisterType<DateTimeOffset>(
            value => new BsonValue(value.UtcDateTime),
            bson => new DateTimeOffset(DateTime.SpecifyKind(bson.AsDateTime.ToUniversalTime(), DateTimeKind.Utc)));
        mapper.Entity<Conversation>().Id(c => c.Id);
        mapper.Entity<TranscriptPage>().Id(t => t.Id);
        mapper.Entity<Dossier>().Id(d => d.Id);
        // Statuses as the words stored before they were an enum.
        mapper.RegisterType(s => new BsonValue(s.Word()), b => DossierStatuses.Parse(b.AsString) ?? DossierStatus.Submitted);
        mapper.Entity<VssBot.Core.Domain.Units.Unit>().Id(u => u.Code);
        mapper.RegisterType(d => new BsonValue(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            b => DateOnly.ParseExact(b.AsString, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        mapper.Entity<ArchivedDialog>().Id(d => d.Id);
        mapper.Entity<ChannelUpdate>().Id(u => u.Id);
        mapper.Entity<OutboxMessage>().Id(m => m.Id);
        mapper.Entity<ChannelLink>().Id(l => l.Id);
        mapper.Entity<ChannelRecord>().Id(r => r.Id);
        mapper.Entity<VssBot.Core.Staff.StaffAccount>().Id(a => a.Id);
        mapper.Entity<VssBot.Core.Staff.AuditEntry>().Id(a => a.Id);
        mapper.Entity<VssBot.Core.Staff.StaffNote>().Id(n => n.Id);
        return mapper;
    }
}
