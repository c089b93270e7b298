using Microsoft.Extensions.DependencyInjection;
using VssBot.IntegrationTests.Support;

namespace VssBot.IntegrationTests.Telegram;

public sealed class TelegramRegistrationTests
{
    private const long Chat = 700001;

    [Fact]
    public async Task APersonGoesFromStartToTheDossierReferenceOnTelegram()
    {
        await using var host = await TelegramHost.StartAsync();
        var api = host.Api;

        var menu = await host.SayAsync(Chat, "/start truong-thpt-le-loi");
        Assert.Contains("Xin chào", menu.Text);
        Assert.Contains("Đăng ký VssID cho bản thân", menu.InlineButtons.Select(b => b.Label));
        Assert.All(menu.InlineButtons, b => Assert.True(System.Text.Encoding.UTF8.GetByteCount(b.Data) <= 64));
        var commands = api.Calls.First(c => c.Method == "setMyCommands").Body["commands"]!.AsArray();
        Assert.Equal(["start", "menu", "help", "cancel"], commands.Select(c => (string)c!["command"]!));
        Assert.Contains("Menu chính", commands.Select(c => (string)c!["description"]!));

        Assert.Contains("Trước khi bắt đầu", (await host.TapAsync(Chat, "Đăng ký VssID cho bản thân")).Text);
        Assert.Contains(api.Calls, c => c.Method == "answerCallbackQuery");
        await host.TapAsync(Chat, "Tôi đồng ý");
        await host.SayAsync(Chat, "DN4010123456789");
        await host.SayAsync(Chat, "nguyen van an");
        await host.TapAsync(Chat, "Căn cước công dân (CCCD)");
        await host.SayAsync(Chat, "001090001234");
        await host.SayAsync(Chat, "05/03/1990");
        await host.TapAsync(Chat, "Hà Nội");
        await host.SayAsync(Chat, "ba dinh");
        var phoneStep = await host.SayAsync(Chat, "số 12 cầu diễn");
        Assert.True(phoneStep.AsksForContact);

        var before = api.To(Chat).Count;
        api.ShareContact(Chat, "+84912345678", ownerUserId: Chat);
        var emailStep = await api.WaitForMessageAsync(Chat, before);
        Assert.Contains("e-mail", emailStep.Text);
        await host.TapAsync(Chat, "Bỏ qua");
        var afterPortrait = await host.PhotoAsync(Chat, TestImages.Jpeg());
        Assert.Contains("Đã nhận ảnh", afterPortrait.Text);
        Assert.Contains("dưới dạng “Tệp”", afterPortrait.Text); // ID photos: send as a file, full quality
        before = api.To(Chat).Count;
        api.SendDocument(Chat, TestImages.Jpeg(1600, 1000), "cccd-truoc.jpg", "image/jpeg");
        Assert.Contains("mặt sau", (await api.WaitForMessageAsync(Chat, before)).Text);
        await host.PhotoAsync(Chat, TestImages.Jpeg());
        var review = await host.TapAsync(Chat, "BHXH cơ sở Đống Đa");
        Assert.Contains("Số điện thoại: 0912345678 (đã xác minh chủ số)", review.Text);
        var done = await host.TapAsync(Chat, "Gửi hồ sơ");

        Assert.Contains("Mã hồ sơ của bạn: VB-", done.Text);
        // Form 01 follows as a document (sendDocument), a PDF.
        await Poll.UntilAsync(() => api.Documents.Count > 0, TimeSpan.FromSeconds(15), "no form 01 sent");

        var form = Assert.Single(api.Documents);
        Assert.Equal(Chat.ToString(), form.Chat);
        Assert.EndsWith(".pdf", form.Name);
        Assert.Equal("%PDF"u8.ToArray(), form.Bytes[..4]);
        var store = host.Factory.Services.GetRequiredService<VssBot.Storage.LiteDbStore>();
        var dossier = Assert.Single(store.AllDossiers());
        Assert.Equal(3, dossier.PhotoKeys.Count);
        Assert.All(dossier.PhotoKeys, key => Assert.Equal(0xFF, store.Photo(key)![0]));
        Assert.Equal("truong-thpt-le-loi", store.FindConversation(dossier.ConversationId)!.StartPayload);

        // A decision reaches the person's chat through the outbox.
        before = api.To(Chat).Count;
        var conversations = host.Factory.Services.GetRequiredService<VssBot.Core.Conversations.ConversationService>();
        Assert.True(await conversations.DecideAsync(dossier.Id, new VssBot.Core.Engine.DossierDecision(VssBot.Core.Domain.Dossiers.DossierStatus.Approved, null, [])));
        Assert.Contains($"Hồ sơ {dossier.Id} đã được duyệt", (await api.WaitForMessageAsync(Chat, before)).Text);
    }
}
