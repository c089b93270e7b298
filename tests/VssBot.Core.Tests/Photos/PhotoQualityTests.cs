using SkiaSharp;
using VssBot.Core.Photos;
using Xunit.Abstractions;
using static VssBot.Core.Tests.Photos.CalibrationPhotos;

namespace VssBot.Core.Tests.Photos;

/// <summary>The photo checks calibrated on photos made here (<see cref="CalibrationPhotos"/>):
/// sharp, blurred, dark, glared and small cards, upright and upside-down portraits, each at
/// 20 sizes and shades. The hit rates are printed (dotnet test --logger
/// "console;verbosity=detailed") and recorded in the README.</summary>
public sealed class PhotoQualityTests(ITestOutputHelper output)
{
    private const int Photos = 20;

    private double Rate(string name, Func<int, SKBitmap> make, string finding, bool expected)
    {
        var hits = 0;
        for (var seed = 0; seed < Photos; seed++)
        {
            using var bitmap = make(seed);
            hits += PhotoQuality.Findings(bitmap).Contains(finding) == expected ? 1 : 0;
        }

        var rate = (double)hits / Photos;
        output.WriteLine($"{name}: {rate:P0} ({(expected ? "found" : "not found")} {finding})");
        return rate;
    }

    [Fact]
    public void TheChecksFindWhatIsWrongAndLeaveGoodPhotosAlone()
    {
        foreach (var finding in new[] { PhotoQuality.Blurry, PhotoQuality.Glare, PhotoQuality.Dark, PhotoQuality.Small })
        {
            Assert.True(Rate("sharp", s => Card(s), finding, expected: false) >= 0.9);
        }

        Assert.True(Rate("blurred", s => Card(s, blur: 6), PhotoQuality.Blurry, expected: true) >= 0.9);
        Assert.True(Rate("dark", s => Card(s, light: 0.22f), PhotoQuality.Dark, expected: true) >= 0.9);
        Assert.True(Rate("glared", s => Card(s, Glare), PhotoQuality.Glare, expected: true) >= 0.9);
    }

    [Fact]
    public void ACardThatFillsTooLittleOfTheFrameIsFound()
    {
        Assert.True(Rate("card at 30% of the width", s => Card(s, size: 0.3f), PhotoQuality.Small, expected: true) >= 0.9);
        Assert.True(Rate("card at 60% of the width", s => Card(s, size: 0.6f), PhotoQuality.Small, expected: false) >= 0.9);
        Assert.True(Rate("card at 95% of the width", s => Card(s, size: 0.95f), PhotoQuality.Small, expected: false) >= 0.9);

        // On a patterned table the card cannot be told from the table: no hint, never a false one.
        Rate("card at 30% on wood grain", s => Card(s, Grain, size: 0.3f), PhotoQuality.Small, expected: true);
        Assert.True(Rate("card at 80% on wood grain", s => Card(s, Grain), PhotoQuality.Small, expected: false) >= 0.9);
    }

    [Fact]
    public void APortraitUpsideDownIsFoundAndAnUprightOneIsNot()
    {
        Assert.True(Rate("portrait upside down", s => Portrait(s, upsideDown: true), PhotoQuality.UpsideDown, expected: true) >= 0.9);
        Assert.True(Rate("portrait upright", s => Portrait(s), PhotoQuality.UpsideDown, expected: false) >= 0.9);
        Assert.True(Rate("card (not a portrait)", s => Card(s), PhotoQuality.UpsideDown, expected: false) >= 0.9);
    }

    [Fact]
    public void APortraitTakenSidewaysIsLandscape()
    {
        using var sideways = new SKBitmap(800, 600);
        using var upright = new SKBitmap(600, 800);
        Assert.Contains(PhotoQuality.Landscape, PhotoQuality.Findings(sideways));
        Assert.DoesNotContain(PhotoQuality.Landscape, PhotoQuality.Findings(upright));
    }
}
