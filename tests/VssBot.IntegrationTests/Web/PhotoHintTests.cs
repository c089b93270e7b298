using Microsoft.Extensions.DependencyInjection;
using VssBot.IntegrationTests.Support;
using VssBot.Core.Tests.Photos;
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
        var hint = await chat.SendPhotoAsync(Jpeg(CalibrationPhotos.Card(0, light: 0.22f)));
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

    [Fact]
    public async Task AnUpsideDownPortraitAndASmallCardGetTheirHintsOnlyWhereTheyMatter()
    {
        var chat = new ChatClient(_factory.CreateClient());
        await chat.StartAsync();
        foreach (var answer in ChatClient.AnswersToPhotos)
        {
            await chat.SayAsync(answer);
        }

        // The portrait, upside down: a hint; turned right, it passes.
        var hint = await chat.SendPhotoAsync(Jpeg(CalibrationPhotos.Portrait(1, upsideDown: true)));
        Assert.Contains("Ảnh chân dung đang bị ngược", hint);
        Assert.Contains("mặt trước", await chat.SendPhotoAsync(Jpeg(CalibrationPhotos.Portrait(1))));

        // A card far away in the frame: a hint at the card step. The same photo is no
        // concern of the portrait check, and a close card passes.
        hint = await chat.SendPhotoAsync(Jpeg(CalibrationPhotos.Card(2, size: 0.3f)));
        Assert.Contains("Thẻ trong ảnh hơi nhỏ", hint);
        Assert.DoesNotContain("ngược", hint);
        Assert.Contains("mặt sau", await chat.SendPhotoAsync(Jpeg(CalibrationPhotos.Card(2))));
        await chat.SendPhotoAsync(Jpeg(CalibrationPhotos.Card(3)));
        await chat.SayAsync("Đống Đa");
        await chat.SayAsync("Gửi hồ sơ");
        var dossier = _factory.Services.GetRequiredService<LiteDbStore>().AllDossiers().Single();
        Assert.All(dossier.Fields.Where(f => f.StepId is "portrait" or "id_front" or "id_back"), f => Assert.Equal("đã gửi ảnh", f.Display));
    }

    private static byte[] Jpeg(SkiaSharp.SKBitmap bitmap)
    {
        using (bitmap)
        {
            return bitmap.Encode(SkiaSharp.SKEncodedImageFormat.Jpeg, 90).ToArray();
        }
    }
}
