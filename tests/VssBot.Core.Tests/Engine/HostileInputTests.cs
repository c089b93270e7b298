using System.Text.Json;
using CsCheck;
using VssBot.Core.Dialogs;
using VssBot.Core.Engine;
using VssBot.Core.Photos;
using VssBot.Core.Tests.Support;

namespace VssBot.Core.Tests.Engine;

/// <summary>
/// Random and hostile input at every step of every dialog: no exception escapes, the
/// conversation stays on a real step, and the answers change only when an answer was
/// taken (the step moved) or a confirmed command acted.
/// </summary>
public sealed class HostileInputTests
{
    // Conversations standing at every step of every dialog, reached by real answers.
    private static readonly Lazy<List<string>> Snapshots = new(() => CollectAsync().GetAwaiter().GetResult());

    private static readonly string[] Words =
    [
        "quay lại", "hủy", "có", "không", "trợ giúp", "?", "bắt đầu lại", "giữ nguyên", "bỏ qua", "menu", "xóa dữ liệu của tôi",
        "1", "2", "34", "99", "Gửi hồ sơ", "Sửa: Họ và tên", "Hà Nội", "ba dinh", "0912345678", "DN4010123456789", "05/03/1990",
        "Nguyễn Văn An", "mã bhxh là gì?", "Tôi đồng ý", "đúng", "Bắt đầu", "Đăng ký cho con",
    ];

    private static readonly Gen<string> Hostile = Gen.OneOf(
        Gen.String,
        Gen.Char.Array[0, 40].Select(c => new string(c)),
        Gen.Int[0, Words.Length - 1].Select(i => Words[i]),
        Gen.Int[1, 20_000].Select(n => new string('9', n)),
        Gen.Int[0, 200].Select(n => string.Concat(Enumerable.Repeat("e\u0301\u0323\u200B\u202E", n))),
        Gen.Const("🙂🔥 \u200D\u200C\u2066مرحبا\u2069 \uFEFF"),
        Gen.Const("\0\u0007\r\n\t"),
        Gen.Const("<script>alert(1)</script> {reference} {answer:full_name} @menu"));

    private static readonly Gen<Input> Inputs = Gen.Frequency(
        (8, Hostile.Select(Input.Of)),
        (1, Gen.Const(Input.OfPhoto(TestImages.Jpeg(64, 48)))),
        (1, Hostile.Select(Input.Refused)),
        (1, Hostile.Select(t => Input.OfContact(t, verified: t.Length % 2 == 0))));

    [Fact]
    public void RandomInputAtEveryStepNeverEscapesAsAnExceptionNorLosesAnswers()
    {
        var engine = new EngineHarness().Engine;
        var content = EngineHarness.Content;
        Gen.Select(Gen.Int[0, Snapshots.Value.Count - 1], Inputs.Array[1, 8]).Sample((index, inputs) =>
        {
            var conversation = JsonSerializer.Deserialize<Conversation>(Snapshots.Value[index])!;
            foreach (var input in inputs)
            {
                var before = (conversation.DialogId, conversation.StepId, conversation.Pending, Answers: Copy(conversation.Answers));
                engine.TurnAsync(conversation, input, DateTimeOffset.UtcNow).GetAwaiter().GetResult();

                Assert.True(content.Dialogs[conversation.DialogId].HasStep(conversation.StepId), $"{conversation.DialogId}/{conversation.StepId}");
                if (before.Pending is null && conversation.Pending is null && before.DialogId == conversation.DialogId && before.StepId == conversation.StepId)
                {
                    // Unchanged, but for an answer kept for a later step (typed ahead of its question).
                    var after = Copy(conversation.Answers).Where(a => before.Answers.ContainsKey(a.Key) || !conversation.Ahead.Contains(a.Key))
                        .Where(a => before.Answers.ContainsKey(a.Key) || content.Dialogs[conversation.DialogId].Step(a.Key).Implies.Count == 0)
                        .ToDictionary();
                    foreach (var implied in content.Dialogs[conversation.DialogId].Steps.Where(s => conversation.Ahead.Contains(s.Id)).SelectMany(s => s.Implies.Keys))
                    {
                        after.Remove(implied);
                        before.Answers.Remove(implied);
                    }

                    Assert.Equal(before.Answers, after);
                }
            }
        }, iter: 3000);
    }

    [Fact]
    public async Task RandomBytesNeverEscapePhotoIntakeAndAreNeverStoredAsSomethingElse()
    {
        var intake = new PhotoIntake(new PhotoOptions(), Support.EngineHarness.Content.Validation);
        var jpeg = TestImages.Jpeg();
        await Gen.OneOf(
                Gen.Byte.Array[0, 5000],
                Gen.Int[1, jpeg.Length - 1].Select(n => jpeg[..n]),
                Gen.Byte.Array[16, 2000].Select(b => jpeg[..3].Concat(b).ToArray()),
                Gen.Byte.Array[16, 2000].Select(b => new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.Concat(b).ToArray()))
            .SampleAsync(async bytes =>
            {
                var check = await intake.CheckAsync(bytes);
                Assert.True(check.Accepted ^ check.Refusal is not null);
                if (check.Accepted)
                {
                    Assert.Equal("image/jpeg", PhotoIntake.SniffType(check.Jpeg));
                }
            }, iter: 2000);
    }

    [Fact]
    public async Task APngThatWouldDecompressToAHugeImageIsRefusedFromItsHeader()
    {
        // 30,000 × 30,000 pixels declared, a few bytes of data: decoding would need 3.6 GB.
        var png = TestImages.PngHeaderOnly(30_000, 30_000);
        var check = await new PhotoIntake(new PhotoOptions(), Support.EngineHarness.Content.Validation).CheckAsync(png);
        Assert.False(check.Accepted);
        Assert.Contains("kích thước quá lớn", check.Refusal);
    }

    private static Dictionary<string, string> Copy(Dictionary<string, Answer> answers) =>
        answers.ToDictionary(a => a.Key, a => a.Value.Value + "|" + a.Value.Display);

    private static async Task<List<string>> CollectAsync()
    {
        var snapshots = new List<string>();
        foreach (var script in Scripts)
        {
            var harness = await EngineHarness.StartAsync("menu");
            snapshots.Add(JsonSerializer.Serialize(harness.Conversation));
            foreach (var answer in script)
            {
                if (answer == "[photo]")
                {
                    await harness.SendPhotoAsync();
                }
                else
                {
                    await harness.SayAsync(answer);
                }

                snapshots.Add(JsonSerializer.Serialize(harness.Conversation));
            }
        }

        // The question after approval comes from the host, not from something typed.
        foreach (var answer in new[] { "Đã đăng nhập được", "Chưa đăng nhập được" })
        {
            var asked = await EngineHarness.StartAsync("menu");
            asked.Engine.AskLogin(asked.Conversation, new VssBot.Core.Domain.Dossiers.Dossier { Id = "VB-TEST000001", ConversationId = asked.Conversation.Id }, asked.Now);
            snapshots.Add(JsonSerializer.Serialize(asked.Conversation));
            await asked.SayAsync(answer);
            snapshots.Add(JsonSerializer.Serialize(asked.Conversation));
        }

        var reached = snapshots.Select(s => JsonSerializer.Deserialize<Conversation>(s)!).Select(c => $"{c.DialogId}/{c.StepId}").ToHashSet();
        var missing = EngineHarness.Content.Dialogs.Values
            .SelectMany(d => d.Steps.Where(s => s.Kind != StepKind.End || s.Next is not null).Select(s => $"{d.Id}/{s.Id}"))
            .Where(s => !reached.Contains(s))
            .ToList();
        Assert.True(missing.Count == 0, "steps never reached: " + string.Join(", ", missing));
        return snapshots;
    }

    private static readonly string[][] Scripts =
    [
        ["1", "đồng ý", "0123456789", "Trần Văn Bình", "CCCD", "001165001234", "05/03/1990", "đúng, giữ nguyên", "Hải Phòng", "Gia Viên", "Số 5", "0936123456",
            "an@gmail.com", "[photo]", "[photo]", "[photo]", "03102", "có", "Gửi hồ sơ", "Đăng ký cho con", "bắt đầu", "đúng", "Bé Lâm Trần", "có", "Con chưa có CCCD",
            "15/09/2015", "nữ", "0123456789", "giữ nguyên", "giữ nguyên", "giữ nguyên", "giữ nguyên", "[photo]", "[photo]", "giữ nguyên", "Gửi hồ sơ"],
        ["1", "đồng ý", "0123456789", "Trần Văn Bình", "hộ chiếu", "C1234567", "05/03/1990", "Hà Nội", "ba dinh", "12 Kim Mã", "0912345678", "bỏ qua", "[photo]", "[photo]"],
        // An office with a school: the unit is asked of someone who came without its link, for themselves and for a child.
        ["1", "đồng ý", "0123456789", "Trần Văn Bình", "hộ chiếu", "C1234567", "05/03/1990", "Hà Nội", "ba dinh", "12 Kim Mã", "0912345678", "bỏ qua", "[photo]", "[photo]",
            "Chương Mỹ", "Trường Tiểu học A", "Gửi hồ sơ", "Đăng ký cho con", "bắt đầu", "đúng", "Bé Lâm Trần", "có", "Con chưa có CCCD",
            "15/09/2015", "nữ", "0123456789", "giữ nguyên", "giữ nguyên", "giữ nguyên", "giữ nguyên", "[photo]", "[photo]", "giữ nguyên", "bỏ qua", "Gửi hồ sơ"],
        ["1", "không đồng ý"],
        ["Báo thông tin sai lệch", "Thẻ BHYT", "Thẻ ghi sai nơi khám bệnh", "bỏ qua", "Hà Nội"],
        ["1", "đồng ý", "0123456789", "Trần Văn Bình", "CMND"],
        ["2", "bắt đầu", "đồng ý", "có", "Nguyễn Thị Hoa", "0987654321", "Nguyễn Văn Nam"],
        ["2", "bắt đầu", "không đồng ý"],
        ["2", "bắt đầu", "đồng ý", "chưa", "Đăng ký cho tôi trước"],
        ["3", "android", "menu", "3", "iphone", "menu", "4", "quên mật khẩu", "menu", "5", "Hải Phòng"],
    ];
}
