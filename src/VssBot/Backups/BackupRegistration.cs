using VssBot.Configuration;
using VssBot.Hosting;
using VssBot.Storage;

namespace VssBot.Backups;

public static class BackupRegistration
{
    public static IServiceCollection AddBackups(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<BackupOptions>(configuration, BackupOptions.Section)
            .Validate<StoreOptions>((backup, store) => !backup.Enabled || store.Provider != StoreOptions.PostgreSql,
                "Backup:Directory is for the embedded LiteDB store; on PostgreSQL back up with pg_dump and restore with pg_restore (README, Backups)");
        services.AddSingleton<BackupStatus>();
        services.AddHostedService<BackupService>();
        services.AddHealthChecks().AddCheck<BackupHealthCheck>("backup", tags: [Health.Ready]);
        return services;
    }
}
