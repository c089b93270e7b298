using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using MiniExcelLibs;
using VssBot.IntegrationTests.Support;

namespace VssBot.IntegrationTests.Staff;

/// <summary>The registration list (Phụ lục 02) as XLSX and CSV, read back: Vietnamese
/// headers, IDs as text, dates dd/MM/yyyy, filters, and only the staff member's offices.</summary>
public sealed partial class ListTests : IDisposable
{
    private readonly OfficeHost _host = new("lists");

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task StaffDownloadTheirOfficesListAsXlsxAndCsv()
    {
        var citizen = new ChatClient(_host.Factory.CreateClient());
        await citizen.RegisterAsync("Đống Đa");
        // Later, logged in to VssID, the person finds their card wrong and reports it.
        foreach (var text in new[] { "menu", "Báo thông tin sai lệch", "Thẻ BHYT", "Nơi khám ghi sai, đúng là Trạm y tế phường Láng", "bỏ qua" })
        {
            await citizen.SayAsync(text);
        }

        Assert.Contains("hàng chờ", await citizen.SayTextAsync("giữ nguyên"));
        var other = await new ChatClient(_host.Factory.CreateClient()).RegisterAsync("03102");
        var http = await _host.StaffAsync();

        var xlsx = await http.GetAsync("/staff/dossiers.xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        var rows = MiniExcel.Query(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(rows); // Ngô Quyền's dossier is not Lan's
        Assert.Equal("Nguyen Van An", row["Họ và tên"]);
        Assert.Equal("0123456789", row["Mã số BHXH hoặc số định danh"]); // the leading zero kept, as text
        Assert.Equal("001090001234", row["Số giấy tờ"]);
        Assert.Equal("05/03/1990", row["Ngày sinh"]);
        Assert.Equal("Chờ duyệt", row["Trạng thái"]);
        Assert.Equal("Thẻ BHYT: Nơi khám ghi sai, đúng là Trạm y tế phường Láng", row["Sai lệch đã báo"]);
        Assert.Contains("Đống Đa", (string)row["Cơ quan tiếp nhận"]);

        var csv = await http.GetByteArrayAsync("/staff/dossiers.csv?status=submitted&from=2020-01-01");
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]); // UTF-8 with BOM, for Excel
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(Fields).ToList();
        Assert.Equal("Họ và tên", lines[0][1]);
        Assert.Equal(2, lines.Count);
        Assert.Equal("0123456789", lines[1][2]);
        Assert.DoesNotContain(other, Encoding.UTF8.GetString(csv));

        Assert.Single(Encoding.UTF8.GetString(await http.GetByteArrayAsync("/staff/dossiers.csv?status=approved")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)); // the header only
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync("/staff/dossiers.csv?from=05/03/2026")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await _host.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync("/staff/dossiers.xlsx")).StatusCode);
        Assert.Contains(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<VssBot.Storage.LiteDbStore>(_host.Factory.Services).AuditLog(),
            a => a.Staff == "lan" && a.Action == "export-xlsx");
    }

    // RFC 4180 fields of one line (every value is quoted by the writer).
    private static string[] Fields(string line) => [.. QuotedField().Matches(line).Select(m => m.Groups[1].Value.Replace("\"\"", "\""))];

    [GeneratedRegex("\"((?:[^\"]|\"\")*)\"")]
    private static partial Regex QuotedField();

}
