using VssBot.IntegrationTests.Support;
using VssBot.Storage;

namespace VssBot.IntegrationTests.Storage;

/// <summary>The store contract on the embedded default: a real, encrypted LiteDB file.</summary>
public sealed class LiteDbStoreContractTests : StoreContract
{
    private TempFolder? _data;
    private LiteDbStore? _store;

    protected override Task<object> OpenAsync()
    {
        _data = new TempFolder("contract");
        _store = new LiteDbStore(new StoreOptions { DataDirectory = _data.Path, Password = VssBotProcess.TestKey });
        return Task.FromResult<object>(_store);
    }

    protected override Task CloseAsync()
    {
        _store?.Dispose();
        _data?.Dispose();
        return Task.CompletedTask;
    }
}
