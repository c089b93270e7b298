using VssBot.Core.Domain;
using VssBot.Core.Engine;

namespace VssBot.Core.Tests.Support;

/// <summary>The engine over the repository's real dialogs folder, and a conversation
/// driven through it turn by turn, as a channel would.</summary>
public sealed class EngineHarness
{
    public const string UnitOffice = "hn-chuong-my";

    public static readonly VssBot.Core.Domain.Units.Unit School = new() { Code = "TH-A", Name = "Trường Tiểu học A", OfficeId = UnitOffice, Token = "token-th-a" };

    private static readonly Lazy<(DialogContent Content, StepBehaviours Behaviours)> Loaded = new(() =>
    {
        // One office has a unit (a school), so that its "which unit?" step is reached; the
        // scripts' usual offices have none.
        var behaviours = RegistrationBehaviours.Create(office => office == UnitOffice ? new[] { School } : Array.Empty<VssBot.Core.Domain.Units.Unit>());
        return (ContentLoader.Load(Repo.Dialogs, behaviours), behaviours);
    });

    public static DialogContent Content => Loaded.Value.Content;

    public DialogEngine Engine { get; } = new(Loaded.Value.Content, Loaded.Value.Behaviours);
    public Conversation Conversation { get; } = new() { Id = "test-" + Guid.NewGuid().ToString("N")[..8] };
    public DateTimeOffset Now { get; set; } = new(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);
    public List<TurnResult> Turns { get; } = [];
    public TurnResult Last => Turns[^1];
    public string LastText => string.Join("\n---\n", Last.Replies.Select(r => r.Text));

    public static async Task<EngineHarness> StartAsync(string dialog = "adult-registration")
    {
        var harness = new EngineHarness();
        harness.Turns.Add(await harness.Engine.StartAsync(harness.Conversation, dialog, harness.Now));
        return harness;
    }

    public async Task<TurnResult> SayAsync(string text) => Add(await Engine.TurnAsync(Conversation, Input.Of(text), Now));

    public async Task<TurnResult> SendPhotoAsync(byte[]? jpeg = null) =>
        Add(await Engine.TurnAsync(Conversation, Input.OfPhoto(jpeg ?? TestImages.Jpeg()), Now));

    public async Task<TurnResult> SendAsync(Input input) => Add(await Engine.TurnAsync(Conversation, input, Now));

    /// <summary>Answers every step up to the review with valid answers.</summary>
    public async Task FillToReviewAsync()
    {
        foreach (var answer in new[] { "đồng ý", "0123456789", "Nguyễn Văn An", "CCCD", "001090001234", "05/03/1990", "Hà Nội", "Phường Ba Đình", "Số 12 Cầu Diễn", "0912345678", "bỏ qua" })
        {
            await SayAsync(answer);
        }

        for (var i = 0; i < 3; i++)
        {
            await SendPhotoAsync();
        }

        await SayAsync("BHXH quận Đống Đa");
    }

    private TurnResult Add(TurnResult turn)
    {
        Turns.Add(turn);
        return turn;
    }
}
