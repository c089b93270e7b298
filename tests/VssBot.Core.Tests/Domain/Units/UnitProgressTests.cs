using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Domain.Units;
using VssBot.Core.Engine;

namespace VssBot.Core.Tests.Domain.Units;

public sealed class UnitProgressTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 5, 1, 3, 0, 0, TimeSpan.Zero);

    private static Dossier Adult(int day, DossierStatus status = DossierStatus.Submitted, int? decidedDay = null, int? formDay = null, int? loginDay = null) => new()
    {
        DialogId = "adult-registration",
        CreatedAt = Day1.AddDays(day),
        Status = status,
        DecidedAt = decidedDay is { } d ? Day1.AddDays(d) : null,
        Form01ReceivedAt = formDay is { } f ? Day1.AddDays(f) : null,
        LoggedInAt = loginDay is { } l ? Day1.AddDays(l) : null,
    };

    [Fact]
    public void EachFigureCountsOnlyWhatHadHappenedByTheMoment()
    {
        var unit = new Unit { Code = "A", Target = 10, ChildrenTarget = 4 };
        Conversation[] started = [new() { CreatedAt = Day1 }, new() { CreatedAt = Day1.AddDays(2) }, new() { CreatedAt = Day1.AddDays(6) }];
        Dossier[] dossiers =
        [
            Adult(0, DossierStatus.Approved, decidedDay: 1, formDay: 2, loginDay: 4),
            Adult(2, DossierStatus.Approved, decidedDay: 6),
            new() { DialogId = UnitProgress.ChildDialog, CreatedAt = Day1.AddDays(3) },
        ];

        Assert.Equal(new UnitProgress(2, 2, 1, 1, 0, 1, 10, 4), UnitProgress.At(unit, started, dossiers, Day1.AddDays(3)));
        Assert.Equal(new UnitProgress(3, 2, 2, 1, 1, 1, 10, 4), UnitProgress.At(unit, started, dossiers, Day1.AddDays(7)));
        Assert.Equal(new UnitProgress(0, 0, 0, 0, 0, 0, 10, 4), UnitProgress.At(unit, started, dossiers, Day1.AddDays(-1)));
    }

    [Fact]
    public void DaysLeftCountFromTheDayInVietnamAndGoNegativeAfterTheDeadline()
    {
        var unit = new Unit { Deadline = new DateOnly(2026, 7, 31) };
        Assert.Equal(30, UnitProgress.DaysLeft(unit, new DateOnly(2026, 7, 1)));
        Assert.Equal(0, UnitProgress.DaysLeft(unit, new DateOnly(2026, 7, 31)));
        Assert.Equal(-2, UnitProgress.DaysLeft(unit, new DateOnly(2026, 8, 2)));
        Assert.Null(UnitProgress.DaysLeft(new Unit(), new DateOnly(2026, 7, 1)));
        // The deadline day ends at midnight in Hà Nội (17:00 UTC).
        Assert.Equal(new DateTimeOffset(2026, 7, 31, 16, 59, 59, TimeSpan.Zero), UnitProgress.DeadlineEnd(unit)!.Value.ToUniversalTime());
    }

    [Fact]
    public void AUnitCountsItsSubUnitsAtAnyDepthAndALoopEnds()
    {
        Unit[] all =
        [
            new() { Code = "SCHOOL" }, new() { Code = "GRADE6", ParentCode = "SCHOOL" }, new() { Code = "6A", ParentCode = "GRADE6" },
            new() { Code = "OTHER" }, new() { Code = "LOOP1", ParentCode = "LOOP2" }, new() { Code = "LOOP2", ParentCode = "LOOP1" },
        ];
        Assert.Equal(["6A", "GRADE6", "SCHOOL"], UnitTree.Below("SCHOOL", all).Order(StringComparer.Ordinal));
        Assert.Equal(["6A"], UnitTree.Below("6A", all));
        Assert.Equal(2, UnitTree.Below("LOOP1", all).Count);
    }

    [Theory]
    [InlineData("thcs-cau-giay", "THCS-CAU-GIAY")]
    [InlineData(" Lop.6A_1 ", "LOP.6A_1")]
    [InlineData("trường", null)]
    [InlineData("a b", null)]
    [InlineData("%", null)]
    [InlineData("", null)]
    public void ACodeIsPlainLettersDigitsAndPunctuation(string typed, string? code) => Assert.Equal(code, Unit.CleanCode(typed));

    [Fact]
    public void TokensAreRandomAndFitATelegramStartPayload()
    {
        var tokens = Enumerable.Range(0, 200).Select(_ => Unit.NewToken()).ToList();
        Assert.Equal(200, tokens.Distinct().Count());
        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]{16}$", t));
    }
}
