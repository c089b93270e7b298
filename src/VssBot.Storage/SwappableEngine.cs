using LiteDB;
using LiteDB.Engine;

namespace VssBot.Storage;

/// <summary>
/// The LiteDB engine behind the store's <see cref="LiteDatabase"/>, replaceable while the
/// store runs. LiteDB 5 closes its engine for good after a failed disk write (its writer queue
/// keeps the exception and throws it at every later commit); once the disk takes writes again,
/// the store opens the files anew and swaps the fresh engine in here, on the writer thread
/// between transactions, and replays what is pending: no restart.
/// </summary>
internal sealed class SwappableEngine(LiteEngine engine) : ILiteEngine
{
    private LiteEngine _inner = engine;

    public LiteEngine Inner => Volatile.Read(ref _inner);

    /// <summary>Puts <paramref name="fresh"/> in place; returns the engine it replaces.</summary>
    public LiteEngine Swap(LiteEngine fresh) => Interlocked.Exchange(ref _inner, fresh);

    public int Checkpoint() => Inner.Checkpoint();
    public long Rebuild(RebuildOptions options) => Inner.Rebuild(options);
    public bool BeginTrans() => Inner.BeginTrans();
    public bool Commit() => Inner.Commit();
    public bool Rollback() => Inner.Rollback();
    public IBsonDataReader Query(string collection, Query query) => Inner.Query(collection, query);
    public int Insert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Inner.Insert(collection, docs, autoId);
    public int Update(string collection, IEnumerable<BsonDocument> docs) => Inner.Update(collection, docs);
    public int UpdateMany(string collection, BsonExpression transform, BsonExpression predicate) => Inner.UpdateMany(collection, transform, predicate);
    public int Upsert(string collection, IEnumerable<BsonDocument> docs, BsonAutoId autoId) => Inner.Upsert(collection, docs, autoId);
    public int Delete(string collection, IEnumerable<BsonValue> ids) => Inner.Delete(collection, ids);
    public int DeleteMany(string collection, BsonExpression predicate) => Inner.DeleteMany(collection, predicate);
    public bool DropCollection(string name) => Inner.DropCollection(name);
    public bool RenameCollection(string name, string newName) => Inner.RenameCollection(name, newName);
    public bool EnsureIndex(string collection, string name, BsonExpression expression, bool unique) => Inner.EnsureIndex(collection, name, expression, unique);
    public bool DropIndex(string collection, string name) => Inner.DropIndex(collection, name);
    public BsonValue Pragma(string name) => Inner.Pragma(name);
    public bool Pragma(string name, BsonValue value) => Inner.Pragma(name, value);
    public void Dispose() => Inner.Dispose();
}
