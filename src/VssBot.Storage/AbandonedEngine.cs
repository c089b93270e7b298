using System.Collections;
using System.Reflection;

namespace VssBot.Storage;

/// <summary>
/// A LiteDB engine closed for good by a failed disk write is left, not disposed (its dispose
/// checkpoints onto files it no longer has). Its open transactions, though, have finalizers
/// that discard their dirty pages, and LiteDB throws there (an ENSURE on a page the failed
/// write left), on the finalizer thread: that would end the process. So their finalizers,
/// and the engine's, are suppressed. Reaches LiteDB internals by reflection, as
/// <see cref="LiteDbDurability"/> does, failing loudly if an upgrade moves them (the version is
/// pinned, and the fault tests would fail).
/// </summary>
internal static class AbandonedEngine
{
    private static readonly FieldInfo Monitor = Field(typeof(LiteDB.Engine.LiteEngine), "_monitor");

    public static void Leave(LiteDB.Engine.LiteEngine engine)
    {
        GC.SuppressFinalize(engine);
        var monitor = Monitor.GetValue(engine) ?? throw new InvalidOperationException("LiteDB's engine has no transaction monitor");
        var transactions = Field(monitor.GetType(), "_transactions").GetValue(monitor) as IDictionary
            ?? throw new InvalidOperationException("LiteDB's transaction monitor has no transactions");
        lock (transactions)
        {
            foreach (var transaction in transactions.Values)
            {
                if (transaction is not null)
                {
                    GC.SuppressFinalize(transaction);
                }
            }
        }
    }

    private static FieldInfo Field(Type type, string name) =>
        type.GetField(name, BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException($"LiteDB {type.Assembly.GetName().Version} has no {type.Name}.{name}: check AbandonedEngine against this version");
}
