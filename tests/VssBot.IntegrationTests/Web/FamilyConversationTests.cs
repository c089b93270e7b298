using Microsoft.Extensions.DependencyInjection;
using VssBot.IntegrationTests.Support;
using VssBot.Storage;

namespace VssBot.IntegrationTests.Web;

public sealed class FamilyConversationTests
{
    [Fact]
    public async Task AParentRegistersEnrolsTwoChildrenAsksQuestionsAndFindsTheirHotlineAllKeptAfterARestart()
    {
        using var data = new TempFolder("family");
        string id;
        int messages;
        using (var first = new VssBotFactory(data.Path))
        {
            var chat = new ChatClient(first.CreateClient());
            id = await chat.StartAsync();
            foreach (var answer in new[] { "dang ky cho ban than", "đồng ý", "0123456789", "Trần Văn Bình", "CCCD", "031090001234", "05/03/1990", "Hải Phòng", "gia vien", "Số 5 Lạch Tray", "0936 123 456", "bỏ qua" })
            {
                await chat.SayAsync(answer);
            }

            for (var i = 0; i < 3; i++)
            {
                await chat.SendPhotoAsync(TestImages.Jpeg());
            }

            Assert.Contains("Bước 15", await chat.SayTextAsync("03102"));
            Assert.Contains("VB-", await chat.SayTextAsync("Gửi hồ sơ"));

            foreach (var (name, birth, sex) in new[] { ("Trần Tuệ Lâm", "15/09/2015", "nữ"), ("Trần Minh Khôi", "02/01/2012", "nam") })
            {
                await chat.SayAsync(name.EndsWith("Lâm") ? "Đăng ký cho con" : "Đăng ký thêm cho con khác");
                await chat.SayAsync("bắt đầu");
                Assert.Contains("Trần Văn Bình", await chat.SayTextAsync("ma so bhxh cua con xem o dau?"));
                await chat.SayAsync("đúng");
                foreach (var answer in new[] { name, "không", birth, sex, "HS4310123456789", "giữ nguyên", "giữ nguyên", "giữ nguyên", "giữ nguyên" })
                {
                    await chat.SayAsync(answer);
                }

                await chat.SendPhotoAsync(TestImages.Jpeg());
                await chat.SendPhotoAsync(TestImages.Jpeg());
                Assert.Contains($"Họ và tên của con: {name}", await chat.SayTextAsync("giữ nguyên"));
                Assert.Contains("giáo viên chủ nhiệm", await chat.SayTextAsync("Gửi hồ sơ"));
            }

            await chat.SayAsync("Về menu chính");
            var contacts = await chat.SayTextAsync("Liên hệ cán bộ hỗ trợ");
            Assert.Contains("Đang lưu: Hải Phòng", contacts);
            contacts = await chat.SayTextAsync("giữ nguyên");
            Assert.Contains("Nguyễn Huy Luận (Phó Giám đốc): 0913 065 257", contacts);
            Assert.Contains("1900 9068", contacts);
            messages = (await chat.MessagesAsync()).Length;
        }

        using var second = new VssBotFactory(data.Path);
        var store = second.Services.GetRequiredService<LiteDbStore>();
        var dossiers = store.AllDossiers().OrderBy(d => d.CreatedAt).ThenBy(d => d.DialogId).ToList();
        Assert.Equal(3, dossiers.Count);
        var parent = Assert.Single(dossiers, d => d.DialogId == "adult-registration");
        Assert.Equal(2, dossiers.Count(d => d.DialogId == "child-enrollment" && d.GuardianDossierId == parent.Id));
        Assert.All(dossiers.SelectMany(d => d.PhotoKeys), key => Assert.NotNull(store.Photo(key)));
        Assert.Equal(messages, store.Transcript(store.LinkedConversation(VssBot.Web.WebKey.LinkId(id))!, 0).Count);
        Assert.Equal("contacts", store.FindConversation(store.LinkedConversation(VssBot.Web.WebKey.LinkId(id))!)!.StepId);
    }
}
