using VssBot.Core.Domain.Offices;

namespace VssBot.Core.Tests.Domain;

public sealed class OfficeHoursTests
{
    private const string Open = "Mon-Fri 07:30-11:30 13:30-17:00";

    // Times are UTC; Vietnam is UTC+7. 2026-11-23 is a Monday.
    [Theory]
    [InlineData("2026-11-23T03:00:00Z", true)]   // Monday 10:00
    [InlineData("2026-11-23T05:00:00Z", false)]  // Monday 12:00, lunch
    [InlineData("2026-11-23T07:00:00Z", true)]   // Monday 14:00
    [InlineData("2026-11-23T10:30:00Z", false)]  // Monday 17:30
    [InlineData("2026-11-28T03:00:00Z", false)]  // Saturday 10:00
    [InlineData("2026-11-22T23:45:00Z", false)]  // Monday 06:45, before opening
    [InlineData("2026-11-23T00:45:00Z", true)]   // Monday 07:45
    public void OpenHoursAreReadInVietnamTime(string utc, bool open)
    {
        var now = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(open, OfficeHours.IsOpen(Open, now));
    }

    [Fact]
    public void NoHoursMeansAlwaysOpen() => Assert.True(OfficeHours.IsOpen(null, DateTimeOffset.UtcNow));

    [Theory]
    [InlineData("Mon-Fri")]
    [InlineData("Mon-Fryday 07:30-11:30")]
    [InlineData("Mon-Fri 7h30-11h30")]
    public void AMalformedValueIsRefused(string open) => Assert.Throws<FormatException>(() => OfficeHours.Check(open));
}
