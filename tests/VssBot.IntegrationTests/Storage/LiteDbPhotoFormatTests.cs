using LiteDB;
using VssBot.IntegrationTests.Support;
using VssBot.Storage;

namespace VssBot.IntegrationTests.Storage;

/// <summary>Photos written before they became one document each (LiteDB's file storage) are
/// still read, listed, copied by `data migrate` and erased with their conversation.</summary>
public sealed class LiteDbPhotoFormatTests
{
    [Fact]
    public async Task PhotosInTheOlderFileStorageAreReadListedAndErased()
    {
        using var data = new TempFolder("photo-format");
        var file = Path.Combine(data.Path, LiteDbStore.FileName);
        byte[] jpeg = [0xFF, 0xD8, 1, 2, 3, 0xFF, 0xD9];
        using (var db = new LiteDatabase(new ConnectionString { Filename = file, Password = VssBotProcess.TestKey, Connection = ConnectionType.Direct }))
        {
            using var stream = new MemoryStream(jpeg);
            db.GetStorage<string>("photo_files", "photo_chunks").Upload("c1/00004-id_front", "c1/00004-id_front.jpg", stream);
        }

        using var store = new LiteDbStore(new StoreOptions { DataDirectory = data.Path, Password = VssBotProcess.TestKey });
        Assert.Equal(jpeg, store.Photo("c1/00004-id_front"));
        Assert.Contains("c1/00004-id_front", store.PhotoKeys());

        await store.DeleteConversationsAsync(["c1"]);
        Assert.Null(store.Photo("c1/00004-id_front"));
        Assert.Empty(store.PhotoKeys());
    }
}
