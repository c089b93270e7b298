using VssBot.Core.Tests.Support;

namespace VssBot.Core.Tests.Engine;

/// <summary>
/// Several answers in one message (issue 24, point 6): "name, birth date and CCCD" at the name
/// step used to keep the date alone and ask the name again. Each part is now kept at its own
/// step, the person is told what was kept, and the dialog goes on past what is answered.
/// </summary>
public sealed class SeveralAnswersTests
{
    private static async Task<EngineHarness> AtTheNameStepAsync()
    {
        var chat = await EngineHarness.StartAsync();
        await chat.SayAsync("đồng ý");
        await chat.SayAsync("0123456789");
        Assert.Equal("full_name", chat.Conversation.StepId);
        return chat;
    }

    [Theory]
    [InlineData("Nguyễn Văn An, 05/03/1990, 001090001234")]
    [InlineData("Nguyễn Văn An; sinh ngày 05/03/1990; số cccd 001090001234")]
    [InlineData("Tôi tên là Nguyễn Văn An\n05/03/1990\n001090001234 ạ")]
    public async Task EachAnswerIsKeptAtItsOwnStep(string message)
    {
        var chat = await AtTheNameStepAsync();
        await chat.SayAsync(message);

        Assert.Equal("Nguyễn Văn An", chat.Conversation.Answers["full_name"].Value);
        Assert.Equal("1990-03-05", chat.Conversation.Answers["birth_date"].Value);
        Assert.Equal("001090001234", chat.Conversation.Answers["id_number"].Value);
        Assert.Equal("cccd", chat.Conversation.Answers["id_type"].Value);
        Assert.Contains("đúng bước của nó", chat.LastText);
        // Past everything answered: the next question is the province.
        Assert.Equal("province", chat.Conversation.StepId);
    }

    [Fact]
    public async Task AMessageWithAPartNoStepTakesIsNotSplit()
    {
        var chat = await AtTheNameStepAsync();
        await chat.SayAsync("Nguyễn Văn An, xin chào, 05/03/1990");
        Assert.Equal("full_name", chat.Conversation.StepId);
        Assert.False(chat.Conversation.Answers.ContainsKey("full_name"));
        Assert.DoesNotContain("đúng bước của nó", chat.LastText);
    }
}
