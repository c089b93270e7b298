using VssBot.Core.Tests.Support;

namespace VssBot.Core.Tests.Engine;

public sealed class ChildEnrollmentTests
{
    [Fact]
    public async Task EachChildGetsItsOwnDossierLinkedToTheParents()
    {
        var harness = await EngineHarness.StartAsync("menu");
        await harness.SayAsync("1");
        await harness.FillToReviewAsync();
        var parent = (await harness.SayAsync("Gửi hồ sơ")).Dossier!;

        var children = new List<VssBot.Core.Domain.Dossiers.Dossier>();
        foreach (var (name, birth) in new[] { ("Nguyễn Tuệ Lâm", "15/09/2015"), ("Nguyễn Minh Khôi", "02/01/2012") })
        {
            await harness.SayAsync(children.Count == 0 ? "Đăng ký cho con" : "Đăng ký thêm cho con khác");
            foreach (var answer in new[] { "bắt đầu", "đúng", name, "không", birth, "nữ", "0123456789" })
            {
                await harness.SayAsync(answer);
            }

            for (var i = 0; i < 4; i++)
            {
                await harness.SayAsync("giữ nguyên"); // guardian's CCCD, province, ward, street
            }

            await harness.SendPhotoAsync();
            await harness.SendPhotoAsync();
            await harness.SayAsync("giữ nguyên"); // office
            Assert.Equal("c_review", harness.Conversation.StepId);
            children.Add((await harness.SayAsync("Gửi hồ sơ")).Dossier!);
        }

        Assert.Equal(3, harness.Conversation.Dossiers.Distinct().Count());
        Assert.All(children, c => Assert.Equal(parent.Id, c.GuardianDossierId));
        Assert.All(children, c => Assert.Equal("001090001234", c.Values["c_guardian_id"]));
        Assert.All(children, c => Assert.Equal("hn-dong-da", c.OfficeId));
        Assert.Equal(["Nguyễn Tuệ Lâm", "Nguyễn Minh Khôi"], children.Select(c => c.Fields.Single(f => f.StepId == "c_name").Display));
        Assert.Equal(2, children[1].PhotoKeys.Count);
        Assert.Empty(children[0].PhotoKeys.Intersect(children[1].PhotoKeys));
    }

    [Fact]
    public async Task AChangedProvinceIsNotRefilledWithTheParentsWard()
    {
        var harness = await EngineHarness.StartAsync("menu");
        await harness.SayAsync("1");
        await harness.FillToReviewAsync();
        await harness.SayAsync("Gửi hồ sơ");
        await harness.SayAsync("Đăng ký cho con");
        foreach (var answer in new[] { "bắt đầu", "đúng", "Nguyễn Tuệ Lâm", "không", "15/09/2015", "nữ", "0123456789", "giữ nguyên" })
        {
            await harness.SayAsync(answer);
        }

        Assert.Equal("c_province", harness.Conversation.StepId);
        await harness.SayAsync("Hải Phòng");

        Assert.Equal("c_ward", harness.Conversation.StepId);
        Assert.DoesNotContain("Đang lưu", harness.LastText);
    }
}
