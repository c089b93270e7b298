using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace VssBot.IntegrationTests.Support;

/// <summary>VssBot in-process over the repository's dialogs and a data folder of its own
/// (a real LiteDB file). Another factory on the same folder is a restarted host.
/// <paramref name="services"/> replaces a service to observe it (a counting password hasher).</summary>
public sealed class VssBotFactory(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null, TimeProvider? clock = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = dataDirectory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(Repo.Root);
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Scripted people type faster than any person: flood control is tested on its own.
        builder.UseSetting("Flood:Burst", "100000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (clock is not null)
        {
            // A test that drives time (FakeTimeProvider) instead of waiting for it.
            builder.ConfigureServices(s => s.AddSingleton(clock));
        }

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }
}
