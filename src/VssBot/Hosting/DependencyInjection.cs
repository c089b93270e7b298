using VssBot.Core.Conversations;
using VssBot.Core.Domain;
using VssBot.Core.Engine;
using VssBot.Core.Photos;
using VssBot.Storage;
using VssBot.Core.Retention;

namespace VssBot.Hosting;

public static class DependencyInjection
{
    /// <summary>
    /// The engine, its content and the store. The dialogs folder is read and checked
    /// here, so a broken file stops start-up with the file, the step and the fault.
    /// </summary>
    public static IServiceCollection AddVssBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DialogOptions>(configuration, DialogOptions.Section);
        services.AddValidatedOptions<PhotoOptions>(configuration, PhotoOptions.Section);
        services.AddValidatedOptions<RetentionOptions>(configuration, RetentionOptions.Section);
        services.AddValidatedOptions<FloodOptions>(configuration, FloodOptions.Section);
        services.AddValidatedOptions<HandoffOptions>(configuration, HandoffOptions.Section);
        // The data folder is taken relative to the content root; the key from configuration or,
        // in Development only, made and kept beside the data.
        services.AddValidatedOptions<StoreOptions>(configuration, StoreOptions.Section)
            .Validate(o => o.Provider != StoreOptions.PostgreSql || !string.IsNullOrWhiteSpace(o.ConnectionString), "Storage:ConnectionString is required with Storage:Provider PostgreSQL")
            .PostConfigure<IHostEnvironment>((options, environment) =>
            {
                options.DataDirectory = Path.GetFullPath(options.DataDirectory, environment.ContentRootPath);
                options.Password = StoreKey.Resolve(options, environment.IsDevelopment());
            });
        // A person without an invite link may name their office's unit: the units come from the store when asked.
        services.AddSingleton(sp => RegistrationBehaviours.Create(office => sp.GetRequiredService<VssBot.Core.Domain.Units.IUnitStore>().Units(office)));
        services.AddSingleton(sp =>
        {
            var retention = sp.GetRequiredService<RetentionOptions>();
            return ContentLoader.Load(
                DialogsDirectory(sp.GetRequiredService<DialogOptions>(), sp.GetRequiredService<IHostEnvironment>()),
                sp.GetRequiredService<StepBehaviours>()) with { Retention = (retention.DecidedPhotoDays, retention.AbandonedDays) };
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new PhotoIntake(sp.GetRequiredService<PhotoOptions>(), sp.GetRequiredService<DialogContent>().Validation));
        // The store Storage:Provider names; the rest of the program sees it through small
        // interfaces, one job each.
        services.AddSingleton(sp => new StoreHandle(OpenStore(sp)));
        services.AddSingleton(sp => (LiteDbStore)sp.GetRequiredService<StoreHandle>().Store);
        Expose<IConversationStore>(services);
        Expose<IChannelStore>(services);
        Expose<VssBot.Core.Staff.IStaffDirectory>(services);
        Expose<ISecretStore>(services);
        Expose<VssBot.Core.Domain.Dossiers.IDossierStore>(services);
        Expose<VssBot.Core.Staff.IStaffStore>(services);
        Expose<VssBot.Core.Staff.IAuditLog>(services);
        Expose<VssBot.Core.Staff.IHandoffStore>(services);
        Expose<VssBot.Core.Retention.IRetentionStore>(services);
        Expose<VssBot.Core.Domain.Units.IUnitStore>(services);
        Expose<VssBot.Core.Backups.IStoreBackup>(services); // the embedded store only (Backup:Directory is refused on PostgreSQL)
        Expose<VssBot.Core.Backups.IStoreSize>(services);
        services.AddSingleton(sp => sp.GetRequiredService<StoreHandle>().Store as IStoreHealth ?? new NoFault());
        services.AddSingleton(sp => new DialogEngine(
            sp.GetRequiredService<DialogContent>(), sp.GetRequiredService<StepBehaviours>(), sp.GetRequiredService<IConversationStore>().ArchivedDialog,
            sp.GetService<IHandoffGate>()));
        services.AddSingleton<IConversationLock>(sp => sp.GetRequiredService<StoreOptions>() is { Provider: StoreOptions.PostgreSql } o
            ? new VssBot.Storage.Postgres.PostgresConversationLock(o.ConnectionString!, (VssBot.Storage.Postgres.PostgresStore)sp.GetRequiredService<IConversationStore>(),
                sp.GetRequiredService<ILogger<VssBot.Storage.Postgres.PostgresConversationLock>>())
            : new ProcessConversationLock());
        services.AddSingleton<IClusterLeadership>(sp => sp.GetRequiredService<StoreOptions>() is { Provider: StoreOptions.PostgreSql } o
            ? new VssBot.Storage.Postgres.PostgresLeadership(o.ConnectionString!, sp.GetRequiredService<ILogger<VssBot.Storage.Postgres.PostgresLeadership>>())
            : new SingleInstance());
        services.AddSingleton<IOutboxCoordination>(sp => sp.GetRequiredService<StoreOptions>() is { Provider: StoreOptions.PostgreSql } o
            ? new VssBot.Storage.Postgres.PostgresOutboxCoordination(o.ConnectionString!)
            : new LocalOutboxCoordination(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ConversationService>();
        // /healthz (live): the process answers, channels' tokens; /readyz (ready): also the store.
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [Health.Ready]);
        services.AddSingleton(sp =>
        {
            var flood = sp.GetRequiredService<FloodOptions>();
            return new MessageLimiter(flood.Burst, flood.PerMinute);
        });
        return services;
    }

    private static void Expose<T>(IServiceCollection services)
        where T : class => services.AddSingleton(sp => (T)sp.GetRequiredService<StoreHandle>().Store);

    private static object OpenStore(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<StoreOptions>();
        var dialogs = sp.GetRequiredService<DialogContent>().Dialogs.Values.Select(d => (d.Id, d.Version, d.SourceText)).ToList();
        if (options.Provider == StoreOptions.PostgreSql)
        {
            var postgres = VssBot.Storage.Postgres.PostgresStore.OpenAsync(options.ConnectionString!, options.Password!).GetAwaiter().GetResult();
            postgres.ArchiveDialogs(dialogs);
            return postgres;
        }

        var store = new LiteDbStore(options);
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger<LiteDbStore>();
        store.Faults.Log = (what, e) => logger.LogError(e, "Storage: {What}", what);
        store.Faults.Recovered = cause => logger.LogWarning("Storage: writes are taken again (after {Cause})", cause);
        foreach (var note in store.ReplayNotes)
        {
            logger.LogWarning("Storage: replaying the journal: {Note}", note);
        }

        store.ArchiveDialogs(dialogs, sp.GetRequiredService<TimeProvider>().GetUtcNow());
        return store;
    }

    /// <summary>A store with no write state of its own (PostgreSQL: the server's health is
    /// read by /readyz's query).</summary>
    private sealed class NoFault : IStoreHealth
    {
        public string? Fault => null;
    }

    /// <summary>The one store of the process (LiteDB or PostgreSQL), behind its interfaces.</summary>
    private sealed record StoreHandle(object Store) : IDisposable
    {
        public void Dispose() => (Store as IDisposable)?.Dispose();
    }

    /// <summary>Reads the dialogs folder and opens the store now, so that a broken file
    /// or an unusable data folder stops start-up instead of the first conversation.</summary>
    public static void StartVssBot(this IServiceProvider services)
    {
        services.GetRequiredService<DialogContent>();
        // Every option checked before the store opens (a bad value names its key, not a failed connection).
        services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        services.GetRequiredService<ConversationService>();
        services.GetService<Lists.RegistrationList>();
        services.GetService<Documents.Form01>();
    }

    public static string DialogsDirectory(DialogOptions options, IHostEnvironment environment) =>
        Path.GetFullPath(options.Directory, environment.ContentRootPath);
}
