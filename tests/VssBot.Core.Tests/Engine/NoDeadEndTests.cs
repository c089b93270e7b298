using VssBot.Core.Tests.Support;

namespace VssBot.Core.Tests.Engine;

/// <summary>
/// No dead ends (issue 24, point 7): what people say when they do not have what a step asks
/// for leads forward; words around a phone number are removed; a child with a căn cước card,
/// of any age, reaches a dossier in the child's own name instead of being sent back and forth.
/// </summary>
public sealed class NoDeadEndTests
{
    [Theory]
    [InlineData("tôi không có thẻ bhyt")]
    [InlineData("không nhớ mã số bhxh")]
    [InlineData("mất thẻ bhyt rồi")]
    public async Task NotHavingTheCodeLeadsToTheTwelveDigitNumber(string text)
    {
        var chat = await EngineHarness.StartAsync();
        await chat.SayAsync("đồng ý");
        Assert.Equal("bhxh_code", chat.Conversation.StepId);

        await chat.SayAsync(text);
        Assert.Contains("CCCD 12 số", chat.LastText);
        Assert.DoesNotContain("chữ số", chat.Last.Replies.First().Text);
        Assert.Equal("bhxh_code", chat.Conversation.StepId);

        await chat.SayAsync("001090001234"); // the 12-digit number, as told
        Assert.Equal("full_name", chat.Conversation.StepId);
    }

    [Theory]
    [InlineData("zalo 0912345678")]
    [InlineData("số zalo của tôi là 0912 345 678")]
    [InlineData("di động 0912345678 ạ")]
    public async Task WordsAroundAPhoneNumberAreRemoved(string text)
    {
        var chat = await EngineHarness.StartAsync();
        foreach (var answer in new[] { "đồng ý", "0123456789", "Nguyễn Văn An", "cccd", "001090001234", "05/03/1990", "Hà Nội", "Ba Đình", "Số 12 Cầu Diễn" })
        {
            await chat.SayAsync(answer);
        }

        Assert.Equal("phone", chat.Conversation.StepId);
        await chat.SayAsync(text);
        Assert.Equal("+84912345678", chat.Conversation.Answers["phone"].Value); // stored as every valid phone is
    }

    [Fact]
    public async Task AChildUnderFifteenWithACardReachesTheirOwnRegistration()
    {
        var chat = await EngineHarness.StartAsync("child-enrollment");
        // Through the child enrollment to its "has a card" question.
        for (var i = 0; i < 30 && chat.Conversation.StepId != "c_has_cccd"; i++)
        {
            await chat.SayAsync(chat.Conversation.StepId switch
            {
                "c_name" => "Nguyễn Tuệ Lâm",
                "c_guardian_name" => "Nguyễn Văn An",
                "c_guardian_phone" => "0912345678",
                _ => FirstChoice(chat),
            });
        }

        Assert.Equal("c_has_cccd", chat.Conversation.StepId);
        await chat.SayAsync("có");
        await chat.SayAsync("Đăng ký cho con bằng CCCD của con");
        Assert.Equal("adult-registration", chat.Conversation.DialogId);

        var tenYearsOld = chat.Now.AddYears(-10).ToString("dd/MM/yyyy");
        foreach (var answer in new[] { "đồng ý", "0123456789", "Nguyễn Tuệ Lâm", "cccd", "001216001234" })
        {
            await chat.SayAsync(answer);
        }

        Assert.Equal("birth_date", chat.Conversation.StepId);
        await chat.SayAsync(tenYearsOld);
        Assert.DoesNotContain("chưa đủ 15 tuổi", chat.LastText);
        Assert.NotEqual("birth_date", chat.Conversation.StepId);
        Assert.Equal("adult-registration", chat.Conversation.DialogId);
    }

    private static string FirstChoice(EngineHarness chat) =>
        chat.Last.Replies.LastOrDefault(r => r.Choices.Count > 0)?.Choices[0] ?? "đồng ý";
}
