using VssBot.Core.Dialogs;
using VssBot.Core.Domain.Offices;
using VssBot.Core.Tests.Support;

namespace VssBot.Core.Tests.Domain;

public sealed class OfficeDirectoryTests
{
    private static OfficeDirectory Offices => EngineHarness.Content.Offices;

    [Fact]
    public void ContactsOfAnOfficeNameItsStaffWithPhoneAndZalo()
    {
        var text = Offices.ContactsText(Support.EngineHarness.Content.Texts, "hp-ngo-quyen", null);

        Assert.Contains("BHXH cơ sở Ngô Quyền — ĐT 0225 3826 582", text);
        Assert.Contains("Trịnh Thị Thanh Huyền (Phó Giám đốc): 0944 003 999 (có Zalo)", text);
        Assert.DoesNotContain("Hoàng Văn Trang", text);
        Assert.EndsWith("1900 9068", text);
    }

    [Fact]
    public void ContactsOfAProvinceListEveryOfficeThere()
    {
        var text = Offices.ContactsText(Support.EngineHarness.Content.Texts, null, "31");

        Assert.Contains("Ngô Quyền", text);
        Assert.Contains("Hồng Bàng", text);
        Assert.Contains("Phạm Thị Thùy Dương: 0914 029 618", text);
        Assert.DoesNotContain("Đống Đa", text);
    }

    [Fact]
    public void AProvinceWithoutOfficesStillGetsTheNationalHotline() =>
        Assert.Equal("Tổng đài hỗ trợ BHXH Việt Nam: 1900 9068", Offices.ContactsText(Support.EngineHarness.Content.Texts, null, "96"));

    [Theory]
    [InlineData("offices: [ { id: x, name: Y } ]", "office 'x': 'id', 'name' and 'province' are required")]
    [InlineData("offices: [ { id: x, name: Y, province: '01', staff: [ { name: Z } ] } ]", "every staff entry needs 'name' and 'phone'")]
    [InlineData("offices: [ { id: x, name: Y, province: '01' }, { id: x, name: Z, province: '01' } ]", "office id 'x' is used twice")]
    [InlineData("offices: [ { id: x, name: Y, province: '01', fax: 1 } ]", "not valid YAML")]
    public void AMalformedOfficesFileIsRefusedClearly(string offices, string expected)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "hotline: { name: Tổng đài, phone: '1900 9068' }\n" + offices);
            var error = Assert.Throws<DialogFileException>(() => OfficeDirectory.Load(file));
            Assert.Contains(expected, error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
