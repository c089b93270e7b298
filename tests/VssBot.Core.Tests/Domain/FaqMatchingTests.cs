using VssBot.Core.Tests.Support;

namespace VssBot.Core.Tests.Domain;

public sealed class FaqMatchingTests
{
    // Phrasings that differ from the stored questions: no diacritics, typos, other word
    // orders, other words. Each must find its entry.
    [Theory]
    [InlineData("vssid la cai gi", "what-is-vssid")]
    [InlineData("app vssid dung de lam gi vay", "what-is-vssid")]
    [InlineData("ma so bhxh xem o dau", "what-is-bhxh-code")]
    [InlineData("ma bhxh cua toi o dau tren the", "what-is-bhxh-code")]
    [InlineData("toi bi mat the bhyt", "no-bhyt-card")]
    [InlineData("toi quen mat khau vssid", "forgot-password")]
    [InlineData("quen mat khau thi lam the nao", "forgot-password")]
    [InlineData("mat khau quen roi phai lam sao", "forgot-password")]
    [InlineData("co can doi mat khau khong", "change-password")]
    [InlineData("toi da doi so dien thoai moi", "changed-phone")]
    [InlineData("dang nhap tren dien thoai thu hai duoc khong", "second-phone")]
    [InlineData("khong nhan duoc ma otp", "otp")]
    [InlineData("khong nhận dc otp", "otp")]
    [InlineData("ten dang nhap vssid la gi", "login-username")]
    [InlineData("dang nhap bang vneid dc ko", "vneid-login")]
    [InlineData("bao lau thi co mat khau", "password-when")]
    [InlineData("gui ho so xong roi lam gi", "after-sending")]
    [InlineData("mau 01 la gi", "form-01")]
    [InlineData("khong co may in de in mau 01", "form-01-no-printer")]
    [InlineData("to khai mau 01 nop o dau", "form-01-where")]
    [InlineData("lam sao dang ky cho con", "children-rule")]
    [InlineData("con toi co cccd roi thi dang ky sao", "child-with-cccd")]
    [InlineData("toi chua co tai khoan vssid thi dang ky cho con duoc khong", "parent-no-account")]
    [InlineData("dang ky cho con can giay to gi", "birth-certificate")]
    [InlineData("tai sao phai gui anh cccd", "why-photos")]
    [InlineData("anh bi mo thi sao", "photo-quality")]
    [InlineData("dien thoai nao cai duoc vssid", "requirements")]
    [InlineData("tai vssid o dau", "install")]
    [InlineData("dang ky co mat tien khong", "cost")]
    [InlineData("so tong dai bhxh la so nao", "hotline")]
    [InlineData("di kham benh dung vssid thay the bhyt giay duoc khong", "bhyt-card-in-app")]
    [InlineData("xem qua trinh dong bhxh o dau", "check-history")]
    [InlineData("chon co quan bhxh nao", "which-office")]
    [InlineData("khong tim thay phuong cua toi sau sap nhap", "address-reform")]
    [InlineData("email co bat buoc khong", "email")]
    [InlineData("toi chi co cmnd thi dang ky duoc khong", "id-documents")]
    [InlineData("khai sai thong tin thi sua the nao", "wrong-info")]
    public void FindsTheAnswerToAQuestionAskedDifferently(string question, string expectedId)
    {
        var entry = EngineHarness.Content.Faq.Match(question);
        Assert.True(entry?.Id == expectedId, $"“{question}” → {entry?.Id ?? "nothing"}, expected {expectedId}");
    }

    [Theory]
    [InlineData("hom nay troi co mua khong")]
    [InlineData("gia vang hom nay bao nhieu")]
    [InlineData("toi muon vay tien")]
    [InlineData("ket qua bong da toi qua")]
    [InlineData("nha hang nao ngon o ha noi")]
    [InlineData("lam sao de nau pho")]
    [InlineData("xin chao")]
    [InlineData("ok")]
    public void AnUnrelatedQuestionGetsNoConfidentAnswer(string question) =>
        Assert.Null(EngineHarness.Content.Faq.Match(question));

    [Fact]
    public void ThereAreAtLeastThirtyQuestions() => Assert.True(EngineHarness.Content.Faq.Entries.Count >= 30);
}
