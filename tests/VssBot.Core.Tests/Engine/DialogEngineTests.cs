using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Engine;
using VssBot.Core.Tests.Support;

namespace VssBot.Core.Tests.Engine;

public sealed class DialogEngineTests
{
    [Fact]
    public async Task SubmittingCreatesOneDossierWithTheReviewedAnswersAndPhotos()
    {
        var harness = await EngineHarness.StartAsync();
        await harness.FillToReviewAsync();
        Assert.Equal("review", harness.Conversation.StepId);

        var submitted = await harness.SayAsync("Gửi hồ sơ");

        var dossier = Assert.IsType<Dossier>(submitted.Dossier);
        Assert.Equal(DossierReference.For(harness.Conversation.Id, 0), dossier.Id);
        Assert.Equal("hn-dong-da", dossier.OfficeId);
        Assert.Equal("Nguyễn Văn An", dossier.Fields.Single(f => f.StepId == "full_name").Display);
        Assert.Equal("+84912345678", dossier.Values["phone"]);
        Assert.Equal(3, dossier.PhotoKeys.Count);
        Assert.Contains("adult-registration", harness.Conversation.Completed);
        Assert.Contains(dossier.Id, harness.LastText);
    }

    [Fact]
    public async Task ChangingTheDocumentTypeInTheReviewAsksOnlyWhatTheChangeOpened()
    {
        var harness = await EngineHarness.StartAsync();
        await harness.FillToReviewAsync();
        var frontPhoto = harness.Conversation.Answers["id_front"].Value;

        await harness.SayAsync("Sửa: Loại giấy tờ");
        Assert.Equal("id_type", harness.Conversation.StepId);
        var changed = await harness.SayAsync("Hộ chiếu");

        Assert.Equal("id_number", harness.Conversation.StepId);
        Assert.Contains(frontPhoto, changed.PhotosToDelete);
        await harness.SayAsync("B7654321");
        Assert.Equal("passport_photo", harness.Conversation.StepId);
        await harness.SendPhotoAsync();
        Assert.Equal("review", harness.Conversation.StepId);
        Assert.Equal("Nguyễn Văn An", harness.Conversation.Answers["full_name"].Display);
        Assert.False(harness.Conversation.Answers.ContainsKey("id_back"));
    }

    [Fact]
    public async Task ChangingTheProvinceAsksForTheWardAgainAndKeepsTheRest()
    {
        var harness = await EngineHarness.StartAsync();
        await harness.FillToReviewAsync();

        await harness.SayAsync("sua tinh/thanh pho");
        await harness.SayAsync("Hải Phòng");
        Assert.Equal("ward", harness.Conversation.StepId);
        await harness.SayAsync("Gia Viên");
        Assert.Equal("office", harness.Conversation.StepId); // the office was cleared with the province
        await harness.SayAsync("03102");
        Assert.Equal("review", harness.Conversation.StepId);
        Assert.Equal("0912345678", harness.Conversation.Answers["phone"].Display);
    }

    [Fact]
    public async Task CancellingDeletesTheAnswersAndPhotosOnlyAfterConfirmation()
    {
        var harness = await EngineHarness.StartAsync();
        await harness.FillToReviewAsync();
        var photos = harness.Conversation.Answers.Where(a => a.Key is "portrait" or "id_front" or "id_back").Select(a => a.Value.Value).ToList();

        await harness.SayAsync("huỷ");
        Assert.NotEmpty(harness.Conversation.Answers);
        var confirmed = await harness.SayAsync("có");

        Assert.Equal(["consent"], harness.Conversation.Answers.Keys); // consent is the person's, not the run's
        Assert.Equal(ConversationStatus.Cancelled, harness.Conversation.Status);
        Assert.Equal(photos.Order(), confirmed.PhotosToDelete.Order());
    }

    [Fact]
    public async Task ARefusedFileLosesNothingAlreadyGiven()
    {
        var harness = await EngineHarness.StartAsync();
        await harness.SayAsync("đồng ý");
        await harness.SayAsync("0123456789");
        var before = harness.Conversation.Answers.ToDictionary(a => a.Key, a => a.Value.Value);

        var turn = await harness.SendAsync(Input.Refused("Tệp này không phải ảnh"));

        Assert.Contains("không phải ảnh", harness.LastText);
        Assert.Equal("full_name", harness.Conversation.StepId);
        Assert.Equal(before, harness.Conversation.Answers.ToDictionary(a => a.Key, a => a.Value.Value));
        Assert.Empty(turn.PhotosToStore);
    }

    [Fact]
    public async Task ResendingAPhotoReplacesTheStoredOne()
    {
        var harness = await EngineHarness.StartAsync();
        await harness.FillToReviewAsync();
        var old = harness.Conversation.Answers["portrait"].Value;

        await harness.SayAsync("Sửa: Ảnh chân dung");
        var resent = await harness.SendPhotoAsync();

        Assert.Contains(old, resent.PhotosToDelete);
        Assert.Single(resent.PhotosToStore);
        Assert.NotEqual(old, harness.Conversation.Answers["portrait"].Value);
        Assert.Equal("review", harness.Conversation.StepId);
    }

    [Fact]
    public async Task EveryTurnRecordsTheMessageAndRepliesInOrder()
    {
        var harness = await EngineHarness.StartAsync();
        var turn = await harness.SayAsync("đồng ý");

        Assert.Equal([Sender.User, Sender.Bot], turn.Transcript.Select(t => t.From));
        Assert.Equal([2, 3], turn.Transcript.Select(t => t.Seq));
        Assert.Equal(3, harness.Conversation.Seq);
        Assert.Equal("đồng ý", turn.Transcript[0].Text);
    }

    [Fact]
    public async Task AnAgeFromTheFutureIsRefusedWithTheDateSaidBack()
    {
        var harness = await EngineHarness.StartAsync();
        foreach (var answer in new[] { "đồng ý", "0123456789", "Nguyễn Văn An", "CCCD", "031165001234" })
        {
            await harness.SayAsync(answer);
        }

        await harness.SayAsync("01/01/2030");
        Assert.Contains("01/01/2030 ở tương lai", harness.LastText);
        Assert.Equal("birth_date", harness.Conversation.StepId);
    }

    [Fact]
    public void TheDialogDrawsAsAMermaidStateDiagram()
    {
        var mermaid = new EngineHarness().Engine.Mermaid("adult-registration");

        Assert.StartsWith("stateDiagram-v2", mermaid.TrimStart());
        Assert.Contains("consent --> declined", mermaid);
        Assert.Contains("portrait --> passport_photo", mermaid);
        Assert.Contains("review --> submitted", mermaid);
    }
}
