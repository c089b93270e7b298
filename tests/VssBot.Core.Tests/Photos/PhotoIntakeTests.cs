using SkiaSharp;
using VssBot.Core.Photos;
using VssBot.Core.Tests.Support;

namespace VssBot.Core.Tests.Photos;

public sealed class PhotoIntakeTests
{
    private readonly PhotoIntake _intake = new(new PhotoOptions(), Support.EngineHarness.Content.Validation);

    public static TheoryData<string> Formats => new() { "jpeg", "png", "webp" };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task AcceptsJpegPngAndWebpAndStoresAJpeg(string format)
    {
        var bytes = format switch { "jpeg" => TestImages.Jpeg(400, 300), "png" => TestImages.Png(), _ => TestImages.Webp() };

        var check = await _intake.CheckAsync(bytes);

        Assert.True(check.Accepted, check.Refusal);
        Assert.Equal("image/jpeg", PhotoIntake.SniffType(check.Jpeg));
        Assert.Equal((400, 300), TestImages.SizeOf(check.Jpeg!));
    }

    [Fact]
    public async Task ASidewaysPhonePhotoIsStoredUpright()
    {
        // Orientation 6: the camera was turned; the picture must be rotated 90° clockwise.
        var check = await _intake.CheckAsync(TestImages.JpegWithOrientation(6));

        Assert.True(check.Accepted, check.Refusal);
        Assert.Equal((300, 400), TestImages.SizeOf(check.Jpeg!));
        // The red top-left corner of the stored pixels ends up top-right once upright.
        var topRight = TestImages.PixelAt(check.Jpeg!, 0.9f, 0.1f);
        Assert.True(topRight.Red > 200 && topRight.Blue < 80, $"top right is {topRight}");
        var topLeft = TestImages.PixelAt(check.Jpeg!, 0.1f, 0.1f);
        Assert.True(topLeft.Blue > 120, $"top left is {topLeft}");
    }

    [Theory]
    [InlineData(3, 400, 300)]
    [InlineData(8, 300, 400)]
    public async Task OtherOrientationsAreAppliedToo(ushort orientation, int width, int height)
    {
        var check = await _intake.CheckAsync(TestImages.JpegWithOrientation(orientation));
        Assert.Equal((width, height), TestImages.SizeOf(check.Jpeg!));
        var red = orientation == 3 ? TestImages.PixelAt(check.Jpeg!, 0.9f, 0.9f) : TestImages.PixelAt(check.Jpeg!, 0.1f, 0.9f);
        Assert.True(red.Red > 200 && red.Blue < 80, $"corner is {red}");
    }

    [Fact]
    public async Task TheTypeIsReadFromTheBytesNotTheName()
    {
        var html = "<html><body>not a photo</body></html>"u8.ToArray();
        var check = await _intake.CheckAsync(html);
        Assert.False(check.Accepted);
        Assert.Equal(_intake.NotAnImageMessage, check.Refusal);
    }

    [Fact]
    public async Task ATruncatedJpegIsRefused()
    {
        var jpeg = TestImages.Jpeg(800, 600);
        var check = await _intake.CheckAsync(jpeg[..(jpeg.Length / 2)]);
        Assert.False(check.Accepted);
        Assert.Equal(_intake.UnreadableMessage, check.Refusal);
    }

    [Fact]
    public async Task APhotoOverTheSizeLimitIsRefusedAsTooLarge()
    {
        var intake = new PhotoIntake(new PhotoOptions { MaxBytes = 1000 }, Support.EngineHarness.Content.Validation);
        var check = await intake.CheckAsync(TestImages.Jpeg());
        Assert.True(check.TooLarge);
        Assert.Contains("tối đa", check.Refusal);
    }

    [Fact]
    public async Task AnImageWithTooManyPixelsIsRefusedBeforeDecoding()
    {
        var intake = new PhotoIntake(new PhotoOptions { MaxPixels = 100_000 }, Support.EngineHarness.Content.Validation);
        var check = await intake.CheckAsync(TestImages.Png(1000, 1000));
        Assert.False(check.Accepted);
        Assert.Contains("kích thước quá lớn", check.Refusal);
    }

    [Fact]
    public async Task ALargePhotoIsScaledDownToTheConfiguredSide()
    {
        var intake = new PhotoIntake(new PhotoOptions { MaxSide = 500 }, Support.EngineHarness.Content.Validation);
        var check = await intake.CheckAsync(TestImages.Encode(SKEncodedImageFormat.Jpeg, 2000, 1000));
        Assert.Equal(500, Math.Max(TestImages.SizeOf(check.Jpeg!).Width, TestImages.SizeOf(check.Jpeg!).Height));
    }
}
