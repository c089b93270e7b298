using Microsoft.Extensions.DependencyInjection;
using VssBot.IntegrationTests.Support;
using VssBot.Storage;

namespace VssBot.IntegrationTests.Web;

/// <summary>A photo that may not pass gets a kind hint, never a refusal: "giữ nguyên" uses
/// it, and staff see the finding on the dossier.</summary>
public sealed class PhotoHintTests : IDisposable
{
    private readonly TempFolder _data = new("photo-hints");
    private readonly VssBotFactory _factory;

    public PhotoHintTests() => _factory = new VssBotFactory(_data.Path);

    public void Dispose()
    {
        _factory.Dispose();
        _data.Dispose();
    }

    [Fact]
    public async Task ADarkIdPhotoGetsAHintAndIsKeptOnRequest()
    {
        var chat = new ChatClient(_factory.CreateClient());
        await chat.StartAsync();
        foreach (var answer in ChatClient.AnswersToPhotos)
        {
            await chat.SayAsync(answer);
        }

        await chat.SendPhotoAsync(TestImages.Jpeg());
        var hint = await chat.SendPhotoAsync(TestImages.Jpeg(640, 480, new SkiaSharp.SKColor(12, 14, 20)));
        Assert.Contains("Ảnh hơi tối", hint);
        Assert.Contains("giữ nguyên", hint);
        Assert.Contains("mặt trước", hint); // still the front of the card

        Assert.Contains("mặt sau", await chat.SayTextAsync("giữ nguyên"));
        await chat.SendPhotoAsync(TestImages.Jpeg());
        await chat.SayAsync("Đống Đa");
        await chat.SayAsync("Gửi hồ sơ");
        var dossier = _factory.Services.GetRequiredService<LiteDbStore>().AllDossiers().Single();
        Assert.Contains(dossier.Fields, f => f.StepId == "id_front" && f.Display.Contains("hơi tối"));
    }
}
