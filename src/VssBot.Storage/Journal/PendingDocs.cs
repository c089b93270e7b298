using System.Collections.Concurrent;
using LiteDB;

namespace VssBot.Storage;

/// <summary>
/// Documents journaled but not yet in LiteDB, the latest per (collection, id); null for a
/// deletion. Two generations: the live one, written by turns, and the frozen one, being
/// applied to LiteDB by the applier (a conversation's many turns become one write). Readers
/// look here before LiteDB: live, then frozen, then the file (a generation is dropped only
/// after LiteDB committed it). Only the writer thread adds, freezes and (after the applier's
/// commit) drops.
/// </summary>
internal sealed class PendingDocs
{
    private volatile ConcurrentDictionary<string, Pending> _live = NewGeneration();
    private volatile ConcurrentDictionary<string, Pending>? _frozen;
    private volatile int _liveCount; // ConcurrentDictionary.Count takes every lock

    public bool IsEmpty => _liveCount == 0 && _frozen is null;

    /// <summary>Documents in the live generation.</summary>
    public int LiveCount => _liveCount;

    public bool HasFrozen => _frozen is not null;

    /// <summary>True when the document is pending: <paramref name="document"/> is then
    /// its latest version, or null when it was deleted.</summary>
    public bool TryFind(string collection, string id, out BsonDocument? document)
    {
        var key = Key(collection, id);
        // Live first, then frozen: a freeze in between moves what live held to frozen, and
        // frozen is dropped only once LiteDB has it.
        if (_live.TryGetValue(key, out var pending) || (_frozen?.TryGetValue(key, out pending) ?? false))
        {
            document = pending!.Document;
            return true;
        }

        document = null;
        return false;
    }

    /// <summary>The pending documents of one collection whose id starts with <paramref name="prefix"/>.</summary>
    public IEnumerable<BsonDocument> WithPrefix(string collection, string prefix)
    {
        var start = Key(collection, prefix);
        var live = _live;
        var frozen = _frozen;
        return live.Concat(frozen ?? [])
            .Where(p => p.Key.StartsWith(start, StringComparison.Ordinal) && p.Value.Document is not null)
            .Select(p => p.Value.Document!);
    }

    public void Set(string collection, string id, BsonDocument? document)
    {
        var key = Key(collection, id);
        var pending = new Pending(collection, id, document);
        if (_live.TryAdd(key, pending))
        {
            _liveCount++; // the writer's thread only
        }
        else
        {
            _live[key] = pending;
        }
    }

    /// <summary>Writer: the live generation becomes the one to apply.</summary>
    public IReadOnlyCollection<Pending> Freeze()
    {
        var frozen = _live;
        _frozen = frozen;
        _live = NewGeneration();
        _liveCount = 0;
        return (IReadOnlyCollection<Pending>)frozen.Values;
    }

    /// <summary>Applier: LiteDB committed the frozen generation.</summary>
    public void DropFrozen() => _frozen = null;

    /// <summary>Writer: everything pending, oldest generation first (a document in both is
    /// then written last as it is now).</summary>
    public List<Pending> All() => [.. _frozen?.Values ?? [], .. _live.Values];

    /// <summary>Writer: LiteDB committed <see cref="All"/>.</summary>
    public void DropAll()
    {
        _live = NewGeneration();
        _liveCount = 0;
        _frozen = null;
    }

    private static string Key(string collection, string id) => collection + "\n" + id;

    private static ConcurrentDictionary<string, Pending> NewGeneration() => new(StringComparer.Ordinal);

    internal sealed record Pending(string Collection, string Id, BsonDocument? Document);
}
