using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using VssBot.Cli;
using VssBot.Configuration;
using VssBot.Storage;

namespace VssBot.IntegrationTests.Hosting;

/// <summary>
/// Configuration read before a host is built (a command, the choice of store) is bound and
/// checked the same way as the host's own: a wrong value is refused naming its key.
/// </summary>
public sealed class ConfigurationReadTests
{
    private static IConfiguration With(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void AWrongValueIsNamedBeforeAnyHostIsBuilt()
    {
        var error = Assert.Throws<OptionsValidationException>(() => With(("Storage:MaxBatch", "0")).Read<StoreOptions>(StoreOptions.Section));
        Assert.Contains("Storage:MaxBatch must be between", error.Message);
        Assert.Equal(StoreOptions.LiteDb, With().Read<StoreOptions>(StoreOptions.Section).Provider);
    }

    [Fact]
    public async Task TheHealthCheckCommandRefusesAnAddressThatIsNoneNamingItsKey()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => HealthCheckCommand.RunAsync(With(("HealthCheck:Url", "not an address")), TextWriter.Null));
        Assert.Contains("HealthCheck:Url", error.Message);
    }
}
