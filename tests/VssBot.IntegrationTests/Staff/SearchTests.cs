using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Core.Domain.Dossiers;
using VssBot.IntegrationTests.Support;
using VssBot.Staff;
using VssBot.Storage;

namespace VssBot.IntegrationTests.Staff;

/// <summary>Finding dossiers in the console: by reference, name or ID number (audited
/// without the number), only among the staff member's offices, a page at a time.</summary>
public sealed class SearchTests : IDisposable
{
    private readonly OfficeHost _host = new("search");

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task StaffFindADossierByReferenceNameOrIdButNeverAnotherOfficesDossier()
    {
        var mine = await _host.Citizen().RegisterAsync("Đống Đa");
        var theirs = await _host.Citizen().RegisterAsync("03102");
        using var staff = await _host.StaffAsync();

        string Row(string id) => $"href=\"/staff/dossiers/{id}\"";
        Assert.Contains(Row(mine), await staff.GetStringAsync($"/staff/dossiers?q={mine}"));
        Assert.Contains(Row(mine), await staff.GetStringAsync("/staff/dossiers?q=van an"));
        var byId = await staff.GetStringAsync("/staff/dossiers?q=001090001234");
        Assert.Contains(Row(mine), byId);
        Assert.DoesNotContain(Row(theirs), byId); // the same ID, but another office's dossier
        Assert.DoesNotContain(Row(theirs), await staff.GetStringAsync($"/staff/dossiers?q={theirs}"));
        Assert.DoesNotContain(Row(mine), await staff.GetStringAsync("/staff/dossiers?q=%25"));

        var audit = _host.Factory.Services.GetRequiredService<LiteDbStore>().AuditLog();
        var search = Assert.Single(audit, a => a.Action == "search-id");
        Assert.Equal("lan", search.Staff);
        Assert.DoesNotContain("001090001234", search.Subject);
        Assert.Equal(HttpStatusCode.Redirect, (await _host.Anonymous().GetAsync("/staff/dossiers?q=001090001234")).StatusCode);
    }

    [Fact]
    public void ResultsComeAPageAtATime()
    {
        var dossiers = Enumerable.Range(1, 60).Select(i => new Dossier { Id = $"VB-{i:D10}" }).ToList();
        Assert.Equal(DossierSearch.PageSize, DossierSearch.Page(dossiers, 1).Count);
        Assert.Equal("VB-0000000026", DossierSearch.Page(dossiers, 2)[0].Id);
        Assert.Equal(10, DossierSearch.Page(dossiers, 3).Count);
        Assert.Empty(DossierSearch.Page(dossiers, 4));
    }
}
