using VssBot.Configuration;
using VssBot.Backups;
using Microsoft.Extensions.FileProviders;
using Serilog;
using VssBot.Channels.Telegram;
using VssBot.Channels.Zalo;
using VssBot.Cli;
using VssBot.Core.Dialogs;
using VssBot.Hosting;
using VssBot.Logging;
using VssBot.Staff;
using VssBot.Storage;
using VssBot.Units;
using VssBot.Web;

// `dialog …`, `healthcheck`, `staff …`, `unit …`, `data …`, `dossier …` and `retention …` run a command
// instead of the server; the rest of the arguments are
// configuration as usual (--Dialogs:Directory=…).
try
{
    return await Program.RunAsync(args);
}
catch (Exception e) when (ConfigurationProblem.Of(e) is { } problem)
{
    // A bad configuration value stops start-up (or a command), naming its key.
    Console.Error.WriteLine($"VssBot cannot start: configuration: {problem}");
    return 1;
}

/// <summary>The host's entry point, visible to the integration tests.</summary>
public partial class Program
{
    private static async Task<int> RunAsync(string[] args)
    {
        var command = args.TakeWhile(a => !a.StartsWith('-')).ToArray();
        var settings = args.Skip(command.Length).ToArray();

        var builder = WebApplication.CreateBuilder(settings);
        if (command is ["key", "new"])
        {
            Console.WriteLine(KeyStrength.New());
            return 0;
        }

        if (command is ["healthcheck"])
        {
            return await HealthCheckCommand.RunAsync(builder.Configuration, Console.Out);
        }

        if (command is ["data", "verify" or "restore", ..])
        {
            // Before the host opens the store: a restore replaces its file.
            var store = builder.Configuration.Read<StoreOptions>(StoreOptions.Section);
            try
            {
                store.Password = StoreKey.Resolve(store, builder.Environment.IsDevelopment());
            }
            catch (StoreKeyMissingException e)
            {
                Console.Error.WriteLine($"VssBot cannot start: {e.Message}");
                return 1;
            }

            return BackupCommand.Run(command, store, Console.Out);
        }

        if (command is ["dialog", .. var words])
        {
            try
            {
                return DialogCommand.Run(words, builder.Configuration, builder.Environment, Console.Out);
            }
            catch (DialogFileException e)
            {
                Console.Error.WriteLine($"dialogs: {e.Message}");
                return 1;
            }
        }

        builder.Services.AddSerilog((services, logger) => LogSetup.Configure(logger, builder.Configuration, services));
        builder.Services.AddVssBot(builder.Configuration);
        builder.Services.AddVssBotRateLimits(builder.Configuration);
        builder.Services.AddVssBotMetrics(builder.Configuration);
        builder.Services.AddBackups(builder.Configuration);
        builder.Services.AddTelegramChannel(builder.Configuration);
        builder.Services.AddZaloChannel(builder.Configuration);

        builder.Services.AddSingleton<RetentionStatus>();
        builder.Services.AddHostedService<RetentionService>();
        builder.Services.AddSingleton<HandoffWatch>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HandoffWatch>());
        builder.Services.AddStaffConsole(builder.Configuration, builder.Environment);
        builder.Services.AddUnits(builder.Configuration);

        var app = builder.Build();
        try
        {
            app.Services.StartVssBot();
        }
        catch (DialogFileException e)
        {
            // A broken dialogs folder must stop start-up, saying which file, step and fault.
            Console.Error.WriteLine($"VssBot cannot start: dialogs: {e.Message}");
            return 1;
        }
        catch (StoreKeyMissingException e)
        {
            Console.Error.WriteLine($"VssBot cannot start: {e.Message}");
            return 1;
        }

        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseSerilogRequestLogging(LogSetup.RequestLogging);
        app.UseStoreOutage();
        // The chat page ships with the binary, wherever the content root (configuration and
        // dialogs/) is.
        if (command is ["staff", ..])
        {
            return await StaffCommand.RunAsync(command, app.Services, Console.In, Console.Out, TimeProvider.System);
        }

        if (command is ["zalo", ..])
        {
            return await ZaloCommand.RunAsync(command, app.Services, Console.In, Console.Out);
        }

        if (command is ["unit", ..])
        {
            return await UnitCommand.RunAsync(command, app.Services, app.Configuration, Console.Out, TimeProvider.System);
        }

        if (command is ["data" or "dossier" or "retention", ..])
        {
            return await DataCommand.RunAsync(command, app.Services, app.Configuration, TimeProvider.System, Console.Out);
        }

        var page = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = page });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = page });
        app.UseRateLimiter();
        app.UseVssBotMetrics();
        app.MapHealth();
        app.MapWebChat();
        app.MapStaffConsole();
        app.MapTelegramWebhook();
        app.MapZaloWebhook();
        await app.RunAsync();
        return 0;
    }
}
