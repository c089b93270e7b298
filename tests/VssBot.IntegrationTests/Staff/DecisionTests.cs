using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Core.Domain.Dossiers;
using VssBot.IntegrationTests.Support;
using VssBot.Storage;

namespace VssBot.IntegrationTests.Staff;

/// <summary>Staff decisions reach the citizen: a request for one change reopens exactly that
/// step, the resubmission is the dossier's next version, and the approval is told.</summary>
public sealed class DecisionTests : IDisposable
{
    private readonly OfficeHost _host = new("decisions");

    public void Dispose() => _host.Dispose();

    private static async Task<HttpResponseMessage> DecideAsync(HttpClient staff, string reference, params (string Name, string Value)[] fields)
    {
        var token = await OfficeHost.TokenAsync(staff, $"/staff/dossiers/{reference}");
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token));
        return await staff.PostAsync($"/staff/dossiers/{reference}/decision", new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task StaffAskForOnePhotoAgainTheCitizenRedoesOnlyThatAndIsToldOfTheApproval()
    {
        var chat = new ChatClient(_host.Factory.CreateClient());
        var reference = await chat.RegisterAsync();
        using var staff = await _host.StaffAsync();

        // Changes requested: the ID front again, glare.
        var asked = await DecideAsync(staff, reference, ("decision", "changes"), ("fields", "id_front"), ("reason", "Ảnh giấy tờ bị mờ, lóa hoặc thiếu góc."), ("note", "Ảnh bị lóa."));
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var told = (await chat.MessagesAsync()).Last(m => m.GetProperty("from").GetString() == "bot").GetProperty("text").GetString()!;
        Assert.Contains("đề nghị bạn bổ sung", (await chat.MessagesAsync()).Select(m => m.GetProperty("text").GetString()).Last(t => t!.Contains("đề nghị")));
        Assert.Contains("Ảnh mặt trước giấy tờ", string.Join("\n", (await chat.MessagesAsync()).Select(m => m.GetProperty("text").GetString())));
        Assert.Contains("Ảnh bị lóa.", string.Join("\n", (await chat.MessagesAsync()).Select(m => m.GetProperty("text").GetString())));
        Assert.Contains("mặt trước", told);

        // Only that photo, then the review, then the resubmission under the same reference.
        var review = await chat.SendPhotoAsync(TestImages.Jpeg());
        Assert.Contains("Gửi hồ sơ", review);
        var resent = await chat.SayTextAsync("Gửi hồ sơ");
        Assert.Contains(reference, resent);
        var store = _host.Factory.Services.GetRequiredService<LiteDbStore>();
        var dossier = store.FindDossier(reference)!;
        Assert.Equal(2, dossier.Version);
        Assert.Equal(DossierStatus.Submitted, dossier.Status);
        Assert.Equal(["id_front"], dossier.History.Single().Redo);
        Assert.Single(store.AllDossiers(), d => d.ConversationId == dossier.ConversationId && d.DialogId == "adult-registration");

        // Approved: told, audited.
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(staff, reference, ("decision", "approved"))).StatusCode);
        var last = (await chat.MessagesAsync()).Last().GetProperty("text").GetString()!;
        Assert.Contains($"Hồ sơ {reference} đã được duyệt", last);
        // Asked afterwards, the status is the decided one (the turn reads it from what was loaded before it).
        Assert.Contains($"Hồ sơ {reference}: đã được duyệt", await chat.SayTextAsync("tra cứu hồ sơ"));
        Assert.Contains("không bao giờ hỏi mã OTP", last);
        Assert.Contains(store.AuditLog(), a => a.Staff == "lan" && a.Action == "changes" && a.Subject == reference);
        Assert.Equal(DossierStatus.Approved, store.FindDossier(reference)!.Status);

        // A decided dossier is not decided again.
        Assert.Equal(HttpStatusCode.BadRequest, (await DecideAsync(staff, reference, ("decision", "rejected"), ("reason", "x"))).StatusCode);
    }

    [Fact]
    public async Task ARejectionCarriesItsReasonAndAnotherOfficeCannotDecide()
    {
        var chat = new ChatClient(_host.Factory.CreateClient());
        var reference = await chat.RegisterAsync("03102"); // Ngô Quyền: not Lan's office
        using var staff = await _host.StaffAsync();
        var token = await OfficeHost.TokenAsync(staff, "/staff");
        var stolen = await staff.PostAsync($"/staff/dossiers/{reference}/decision", new FormUrlEncodedContent(new Dictionary<string, string> { ["decision"] = "approved", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.NotFound, stolen.StatusCode);
        Assert.Equal(DossierStatus.Submitted, _host.Factory.Services.GetRequiredService<LiteDbStore>().FindDossier(reference)!.Status);

        var citizen = new ChatClient(_host.Factory.CreateClient());
        var mine = await citizen.RegisterAsync();
        var rejected = await DecideAsync(staff, mine, ("decision", "rejected"), ("reason", "Người này đã có tài khoản VssID."));
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        var store = _host.Factory.Services.GetRequiredService<LiteDbStore>();
        Assert.Equal("Người này đã có tài khoản VssID.", store.FindDossier(mine)!.Reason);
        Assert.NotNull(store.FindDossier(mine)!.DecidedAt);

        // "tra cứu hồ sơ" and the reference itself give this conversation's dossiers only.
        var status = await citizen.SayTextAsync("tra cứu hồ sơ");
        Assert.Contains($"Hồ sơ {mine}: chưa được duyệt. Người này đã có tài khoản VssID.", status);
        Assert.Contains("chưa được duyệt", await citizen.SayTextAsync(mine.ToLowerInvariant()));
        var theirs = await citizen.SayTextAsync(reference);
        Assert.Contains("không tìm thấy hồ sơ này", theirs);
        Assert.DoesNotContain("chờ cơ quan BHXH duyệt", theirs);
    }

}
