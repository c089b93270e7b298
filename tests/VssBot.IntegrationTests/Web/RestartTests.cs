using Microsoft.Extensions.DependencyInjection;
using VssBot.IntegrationTests.Support;
using VssBot.Storage;

namespace VssBot.IntegrationTests.Web;

public sealed class RestartTests
{
    [Fact]
    public async Task ANewHostOnTheSameDataFolderResumesEveryConversationAtItsStep()
    {
        using var data = new TempFolder("restart");
        string id;
        int messages;
        using (var first = new VssBotFactory(data.Path))
        {
            var chat = new ChatClient(first.CreateClient());
            id = await chat.StartAsync();
            foreach (var answer in ChatClient.AnswersToPhotos)
            {
                await chat.SayAsync(answer);
            }

            await chat.SendPhotoAsync(TestImages.Jpeg());
            messages = (await chat.MessagesAsync()).Length;
        }

        using var second = new VssBotFactory(data.Path);
        var again = new ChatClient(second.CreateClient());
        again.Resume(id);

        Assert.Equal(messages, (await again.MessagesAsync()).Length);
        Assert.Contains("Bước 12", (await again.MessagesAsync())[^1].GetProperty("text").GetString());
        await again.SendPhotoAsync(TestImages.Jpeg());
        await again.SendPhotoAsync(TestImages.Jpeg());
        await again.SayAsync("Đống Đa");
        var done = await again.SayTextAsync("gui ho so");
        Assert.Contains("VB-", done);

        var store = second.Services.GetRequiredService<LiteDbStore>();
        Assert.Equal("", store.FindConversation(store.LinkedConversation(VssBot.Web.WebKey.LinkId(id))!)!.Answers["email"].Value); // skipped, still "" after a restart
        var dossier = Assert.Single(store.AllDossiers());
        Assert.Equal("Nguyen Van An", dossier.Fields.Single(f => f.StepId == "full_name").Display);
        Assert.All(dossier.PhotoKeys, key => Assert.NotNull(store.Photo(key)));
    }
}
