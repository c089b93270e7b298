using Microsoft.Extensions.DependencyInjection;
using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Engine;
using VssBot.IntegrationTests.Support;
using VssBot.Storage;

namespace VssBot.IntegrationTests.Security;

/// <summary>A dossier reference is never reused: a submission whose reference is taken by
/// another conversation's dossier gets the next one, and the other dossier is untouched.</summary>
public sealed class DossierReferenceTests
{
    [Fact]
    public async Task ATakenReferenceIsNeverOverwrittenTheSubmissionGetsAnother()
    {
        using var data = new TempFolder("references");
        using var factory = new VssBotFactory(data.Path);
        var store = factory.Services.GetRequiredService<LiteDbStore>();
        var chat = new ChatClient(factory.CreateClient());
        await chat.StartAsync();
        var id = chat.InternalId(store);

        // Someone else's dossier already holds the reference this conversation would get first.
        var taken = DossierReference.For(id, 0);
        var other = new Conversation { Id = "someone-else", DialogId = "menu", StepId = "menu" };
        await store.CommitAsync(new TurnResult(other) { Dossier = new Dossier { Id = taken, ConversationId = other.Id, DialogId = "adult-registration" } });

        foreach (var answer in ChatClient.AnswersToPhotos)
        {
            await chat.SayAsync(answer);
        }

        for (var i = 0; i < 3; i++)
        {
            await chat.SendPhotoAsync(TestImages.Jpeg());
        }

        await chat.SayAsync("Đống Đa");
        var done = await chat.SayTextAsync("Gửi hồ sơ");

        var mine = store.DossiersOf(id).Single();
        Assert.NotEqual(taken, mine.Id);
        Assert.Equal(DossierReference.For(id, 0, attempt: 1), mine.Id);
        Assert.Contains(mine.Id, done);
        Assert.Equal("someone-else", store.FindDossier(taken)!.ConversationId);
        Assert.Matches("^VB-[0-9A-Z]{10}$", mine.Id);
    }
}
