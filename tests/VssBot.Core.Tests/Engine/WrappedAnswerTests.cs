using CsCheck;
using VssBot.Core.Tests.Support;

namespace VssBot.Core.Tests.Engine;

/// <summary>Any valid answer wrapped in the words people put around it ("Tôi tên là …",
/// "dạ …", "… ạ", "sđt: …") is accepted and stored bare.</summary>
public sealed class WrappedAnswerTests
{
    // The answers that lead to each step, in order.
    private static readonly (string Step, string Answer)[] Path =
    [
        ("consent", "đồng ý"), ("bhxh_code", "0123456789"), ("full_name", "Nguyễn Văn An"), ("id_type", "cccd"), ("id_number", "001090001234"),
        ("birth_date", "05/03/1990"), ("province", "Hà Nội"), ("ward", "Ba Đình"), ("street", "Số 12 Cầu Diễn"), ("phone", "0912345678"), ("email", "bo qua"),
    ];

    public static TheoryData<string, string[]> Steps => new()
    {
        { "bhxh_code", ["0123456789", "7900012345", "DN4010123456789", "031090001234"] },
        { "full_name", ["Nguyễn Thị Bình", "H'Hen Niê", "Y-Moan Ênuôl", "Trần Quốc Toản", "Lê A"] },
        { "id_number", ["001090001234", "031165001234", "079 301 012 345"] },
        { "birth_date", ["05/03/1990", "5/3/1990", "25-12-1985", "01.01.2000"] },
        { "phone", ["0912345678", "0912 345 678", "+84 936 111 222", "0387654321"] },
        { "email", ["lan.huong@gmail.com", "an@vnpt.vn"] },
    };

    private static readonly string[] Before =
    [
        "", "dạ ", "vâng ", "dạ vâng, ", "Tôi tên là ", "tên em là ", "của tôi là ", "số của tôi là ", "sđt: ", "sdt ", "số điện thoại là ", "số cccd là ",
        "mã số bhxh của tôi là ", "ngày sinh ", "em sinh ngày ", "email là ", "dạ email của em là ", "toi ten la ", "Họ và tên: ",
    ];

    private static readonly string[] After = ["", " ạ", " ạ.", " nhé", " nha", " đó ạ", " em cảm ơn", ".", " !"];

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task AWrappedAnswerIsStoredAsTheBareAnswer(string step, string[] values)
    {
        await Gen.Select(Gen.Int[0, values.Length - 1], Gen.Int[0, Before.Length - 1], Gen.Int[0, After.Length - 1]).SampleAsync(async sample =>
        {
            var (value, before, after) = (values[sample.Item1], Before[sample.Item2], After[sample.Item3]);
            var bare = await AnswerAsync(step, value);
            var wrapped = await AnswerAsync(step, before + value + after);
            Assert.True(bare is not null, $"“{value}” is not valid at {step}");
            Assert.True(bare == wrapped, $"“{before + value + after}” at {step}: stored “{wrapped}”, bare “{bare}”");
        }, iter: 60);
    }

    private static async Task<string?> AnswerAsync(string step, string text)
    {
        var harness = await EngineHarness.StartAsync();
        foreach (var (id, answer) in Path.TakeWhile(p => p.Step != step))
        {
            await harness.SayAsync(answer);
        }

        Assert.Equal(step, harness.Conversation.StepId);
        await harness.SayAsync(text);
        return harness.Conversation.StepId == step ? null : harness.Conversation.Answers.GetValueOrDefault(step)?.Value;
    }
}
