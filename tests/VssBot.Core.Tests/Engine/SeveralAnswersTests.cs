using CsCheck;
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

    /// <summary>
    /// Property: several answers in one message, each wrapped in the words people put around
    /// it and in any order, separated as people separate them, end up stored exactly as the
    /// bare answers typed one by one.
    /// </summary>
    [Fact]
    public async Task SeveralWrappedAnswersInAnyOrderAreStoredAsTheBareAnswers()
    {
        string[] names = ["Nguyễn Văn An", "H'Hen Niê", "Trần Thị Bình"];
        string[] births = ["05/03/1990", "25-12-1985", "1.1.2000"];
        string[] ids = ["001090001234", "079 301 012 345"];
        string[] before = ["", "dạ ", "tôi tên là ", "số cccd ", "sinh ngày ", "em sinh ngày "];
        string[] after = ["", " ạ", " nhé"];
        string[] separators = [", ", "; ", "\n", " , "];
        await Gen.Select(Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[0, 1], Gen.Int[0, 5], Gen.Int[0, 2], Gen.Int[0, 3], Gen.Int[0, 5]).SampleAsync(async sample =>
        {
            var (n, b, i, w, a, sep, order) = sample;
            // Each part keeps its own kind of wrapping ("tôi tên là" only before the name).
            var name = (w is 2 or 1 or 0 ? before[w] : "") + names[n] + after[a];
            var birth = (w is 4 or 5 ? before[w] : "") + births[b] + after[a];
            var id = (w == 3 ? before[w] : "") + ids[i];
            string[][] orders = [[name, birth, id], [name, id, birth]];
            var message = string.Join(separators[sep], orders[order % 2]);

            var one = await AtTheNameStepAsync();
            await one.SayAsync(names[n]);
            var expectedName = one.Conversation.Answers["full_name"].Value;
            var together = await AtTheNameStepAsync();
            await together.SayAsync(message);

            Assert.True(together.Conversation.Answers.TryGetValue("full_name", out var got) && got.Value == expectedName, $"“{message}”: name {got?.Value}");
            Assert.True(together.Conversation.Answers.ContainsKey("birth_date") && together.Conversation.Answers.ContainsKey("id_number"), $"“{message}”: not all kept");
            Assert.Equal(ids[i].Replace(" ", ""), together.Conversation.Answers["id_number"].Value);
        }, iter: 40);
    }
}
