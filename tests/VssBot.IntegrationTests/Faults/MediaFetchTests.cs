using VssBot.IntegrationTests.Support;
using static VssBot.IntegrationTests.Support.FakeZaloApi;

namespace VssBot.IntegrationTests.Faults;

/// <summary>
/// A photo the platform cannot hand over (Telegram's getFile refused, as the Bot API answers
/// "wrong file_id or the file is temporarily unavailable"; a Zalo CDN address that answers
/// 404): the person is told it did not arrive, not that their file is too large, and the
/// step waits for it again; the same photo sent again is taken.
/// </summary>
public sealed class MediaFetchTests
{
    private const string DidNotArrive = "chưa tải được ảnh";

    [Fact]
    public async Task OnTelegramARefusedGetFileIsAnsweredAndThePhotoIsTakenWhenSentAgain()
    {
        await using var host = await TelegramHost.StartAsync();
        const long chat = 730001;
        await host.SayAsync(chat, "/start");
        foreach (var answer in ChatClient.AnswersToPhotos)
        {
            await host.SayAsync(chat, answer);
        }

        host.Api.RefuseGetFileCount = 1;
        var refused = await host.PhotoAsync(chat, TestImages.Jpeg());
        Assert.Contains(DidNotArrive, refused.Text);
        Assert.DoesNotContain("20 MB", refused.Text);

        var taken = await host.PhotoAsync(chat, TestImages.Jpeg());
        Assert.Contains("Đã nhận ảnh", taken.Text);
    }

    [Fact]
    public async Task OnZaloAnImageAddressThatCannotBeFetchedIsAnsweredAndThePhotoIsTakenWhenSentAgain()
    {
        await using var host = await ZaloHost.StartAsync();
        const string user = "6120394857610293847561";
        await host.SendAsync(Follow(user));
        foreach (var answer in ChatClient.AnswersToPhotos)
        {
            await host.SayAsync(user, answer);
        }

        // The phone step sends a card after its text: wait until the portrait step is the last word.
        await Poll.UntilAsync(() => host.Api.To(user) is [.., var last] && TextOf(last.Message).Contains("ảnh chân dung"), TimeSpan.FromSeconds(15), "the portrait step was not reached");
        var refused = await host.SendAsync(Image(user, host.Api.Url + "/cdn/da-het-han.jpg")); // not (or no longer) on the CDN: 404
        Assert.Contains(DidNotArrive, TextOf(refused));
        Assert.DoesNotContain("quá lớn", TextOf(refused));

        var taken = await host.SendAsync(Image(user, host.Api.Host("chan-dung.jpg", TestImages.Jpeg())));
        Assert.Contains("Đã nhận ảnh", TextOf(taken));
    }
}
