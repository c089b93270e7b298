using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VssBot.Core.Conversations;
using VssBot.Core.Engine;

namespace VssBot.Storage;

/// <summary>The embedded store registers itself: one <see cref="LiteDbStore"/>, as itself and as
/// exactly the store interfaces of Core it implements. Its faults and replay notes go to the log.</summary>
public static class LiteDbRegistration
{
    public static IServiceCollection AddLiteDbStore(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var store = new LiteDbStore(sp.GetRequiredService<StoreOptions>());
            var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger<LiteDbStore>();
            store.Faults.Log = (what, e) => logger.LogError(e, "Storage: {What}", what);
            store.Faults.Recovered = cause => logger.LogWarning("Storage: writes are taken again (after {Cause})", cause);
            foreach (var note in store.ReplayNotes)
            {
                logger.LogWarning("Storage: replaying the journal: {Note}", note);
            }

            var dialogs = sp.GetRequiredService<DialogContent>().Dialogs.Values.Select(d => (d.Id, d.Version, d.SourceText));
            store.ArchiveDialogs(dialogs, sp.GetRequiredService<TimeProvider>().GetUtcNow());
            return store;
        });
        foreach (var contract in StoreRegistration.InterfacesOf(typeof(LiteDbStore)))
        {
            services.AddSingleton(contract, sp => sp.GetRequiredService<LiteDbStore>());
        }

        services.AddSingleton<IConversationLock, ProcessConversationLock>();
        services.AddSingleton<IClusterLeadership, SingleInstance>();
        services.AddSingleton<IOutboxCoordination>(sp => new LocalOutboxCoordination(sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
