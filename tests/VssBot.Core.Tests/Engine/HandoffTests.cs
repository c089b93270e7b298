using VssBot.Core.Engine;
using VssBot.Core.Tests.Support;

namespace VssBot.Core.Tests.Engine;

public sealed class HandoffTests
{
    private static async Task<EngineHarness> WaitingAtTheNameStepAsync()
    {
        var harness = await EngineHarness.StartAsync("menu");
        foreach (var text in new[] { "1", "đồng ý", "0123456789", "gặp nhân viên", "có" })
        {
            await harness.SayAsync(text);
        }

        Assert.Equal(HandoffState.Waiting, harness.Conversation.Handoff!.State);
        return harness;
    }

    [Fact]
    public async Task StaffJoinSpeakAndReleaseAndTheDialogResumesWhereItWasWithItsAnswers()
    {
        var harness = await WaitingAtTheNameStepAsync();
        var engine = harness.Engine;
        var c = harness.Conversation;

        var claimed = engine.Staff(c, StaffAction.Claim, "huyen", "Trịnh Thị Thanh Huyền", null, null, harness.Now);
        Assert.Contains("Cán bộ Trịnh Thị Thanh Huyền đã tham gia", claimed.Transcript.Single().Text);
        Assert.Throws<StaffActionRefusedException>(() => engine.Staff(c, StaffAction.Claim, "lan", "Lan", null, null, harness.Now));
        Assert.Throws<StaffActionRefusedException>(() => engine.Staff(c, StaffAction.Say, "lan", "Lan", "xin chào", null, harness.Now));

        var said = engine.Staff(c, StaffAction.Say, "huyen", "Huyền", "Bạn nhập họ tên có dấu nhé", TestImages.Jpeg(), harness.Now);
        Assert.Equal(Sender.Staff, said.Transcript.Single().From);
        Assert.NotNull(said.Transcript.Single().PhotoKey);
        Assert.Single(said.PhotosToStore);

        var quiet = await harness.SayAsync("vâng ạ");
        Assert.Empty(quiet.Replies); // with staff, the bot stays silent

        var released = engine.Staff(c, StaffAction.Release, "huyen", "Huyền", null, null, harness.Now);
        Assert.Null(c.Handoff);
        Assert.Contains("trợ lý tự động", released.Transcript[0].Text);
        Assert.Contains("Bước 2", released.Transcript[^1].Text);
        Assert.Equal("full_name", c.StepId);
        Assert.Equal("0123456789", c.Answers["bhxh_code"].Value);
        await harness.SayAsync("Nguyễn Văn An");
        Assert.Equal("id_type", c.StepId);
    }

    [Fact]
    public async Task ClosingEndsTheHandoffAtTheMenuAndNobodyAvailableIsSaidOnce()
    {
        var harness = await WaitingAtTheNameStepAsync();
        var engine = harness.Engine;
        var c = harness.Conversation;

        var nobody = engine.Staff(c, StaffAction.NobodyAvailable, "system", "system", null, null, harness.Now);
        Assert.Contains("1900 9068", nobody.Transcript.Single().Text);
        Assert.Throws<StaffActionRefusedException>(() => engine.Staff(c, StaffAction.NobodyAvailable, "system", "system", null, null, harness.Now));

        var closed = engine.Staff(c, StaffAction.Close, "huyen", "Huyền", null, null, harness.Now);
        Assert.Null(c.Handoff);
        Assert.Equal("menu", c.DialogId);
        Assert.Contains("kết thúc", closed.Transcript[0].Text);
        Assert.True(closed.HandoffChanged);
    }
}
