using VssBot.Configuration;
using VssBot.Core.Conversations;
using VssBot.Core.Domain;
using VssBot.Core.Engine;
using VssBot.Core.Photos;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VssBot.Storage;
using VssBot.Storage.Postgres;
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
        // The store Storage:Provider names registers itself; the rest of the program sees it
        // through small interfaces, one job each.
        if (configuration.Read<StoreOptions>(StoreOptions.Section).Provider == StoreOptions.PostgreSql)
        {
            services.AddPostgresStore(sp => sp.GetRequiredService<StoreOptions>() is var o ? (o.ConnectionString!, o.Password!) : default);
        }
        else
        {
            services.AddLiteDbStore();
        }

        services.TryAddSingleton<IStoreHealth, NoFault>();
        services.AddSingleton(sp => new DialogEngine(
            sp.GetRequiredService<DialogContent>(), sp.GetRequiredService<StepBehaviours>(), sp.GetRequiredService<IConversationStore>().ArchivedDialog,
            sp.GetService<IHandoffGate>()));
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

    /// <summary>A store with no write state of its own (PostgreSQL: the server's health is
    /// read by /readyz's query).</summary>
    private sealed class NoFault : IStoreHealth
    {
        public string? Fault => null;
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
