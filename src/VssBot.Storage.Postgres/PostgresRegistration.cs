using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VssBot.Core.Conversations;
using VssBot.Core.Engine;

namespace VssBot.Storage.Postgres;

/// <summary>The shared store registers itself: one <see cref="PostgresStore"/>, as itself and as
/// exactly the store interfaces of Core it implements, with the cluster's conversation lock,
/// leadership and outbox coordination on the same database.</summary>
public static class PostgresRegistration
{
    /// <param name="settings">The connection string and the key that seals the stored data.</param>
    public static IServiceCollection AddPostgresStore(this IServiceCollection services, Func<IServiceProvider, (string ConnectionString, string Password)> settings)
    {
        services.AddSingleton(sp =>
        {
            var (connectionString, password) = settings(sp);
            var store = PostgresStore.OpenAsync(connectionString, password).GetAwaiter().GetResult();
            store.ArchiveDialogs(sp.GetRequiredService<DialogContent>().Dialogs.Values.Select(d => (d.Id, d.Version, d.SourceText)));
            return store;
        });
        foreach (var contract in StoreRegistration.InterfacesOf(typeof(PostgresStore)))
        {
            services.AddSingleton(contract, sp => sp.GetRequiredService<PostgresStore>());
        }

        services.AddSingleton<IConversationLock>(sp => new PostgresConversationLock(settings(sp).ConnectionString, sp.GetRequiredService<PostgresStore>(),
            sp.GetRequiredService<ILogger<PostgresConversationLock>>()));
        services.AddSingleton<IClusterLeadership>(sp => new PostgresLeadership(settings(sp).ConnectionString, sp.GetRequiredService<ILogger<PostgresLeadership>>()));
        services.AddSingleton<IOutboxCoordination>(sp => new PostgresOutboxCoordination(settings(sp).ConnectionString));
        return services;
    }
}
