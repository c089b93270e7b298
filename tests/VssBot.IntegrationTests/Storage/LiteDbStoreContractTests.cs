using VssBot.IntegrationTests.Support;
using VssBot.Storage;

namespace VssBot.IntegrationTests.Storage;

/// <summary>The store contract on the embedded default: a real, encrypted LiteDB file.</summary>
public class LiteDbStoreContractTests : StoreContract
{
    private TempFolder? _data;
    private LiteDbStore? _store;

    /// <summary>How long journaled turns wait before they go into the file.</summary>
    protected virtual TimeSpan ApplyAfter => TimeSpan.FromMilliseconds(100);

    protected override Task<object> OpenAsync()
    {
        _data = new TempFolder("contract");
        _store = new LiteDbStore(new StoreOptions { DataDirectory = _data.Path, Password = VssBotProcess.TestKey }, ApplyAfter);
        return Task.FromResult<object>(_store);
    }

    protected override Task CloseAsync()
    {
        _store?.Dispose();
        _data?.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The same contract with every turn still only in the journal (never applied on a
/// timer): reads answer from the journaled documents, queries first bring them into the file.</summary>
public sealed class LiteDbJournaledStoreContractTests : LiteDbStoreContractTests
{
    protected override TimeSpan ApplyAfter => TimeSpan.FromHours(1);
}
