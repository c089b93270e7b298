using System.Globalization;
using VssBot.Lists;

using static VssBot.Staff.StaffHttp;

using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Staff;

namespace VssBot.Staff;

/// <summary>The registration list as XLSX and CSV, of the staff member's offices only,
/// filtered by office, status and creation day (from, to: yyyy-MM-dd).</summary>
internal static class StaffListEndpoints
{
    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapGet("/dossiers.xlsx", (HttpContext http, IStaffStore staffStore, IDossierStore dossiers, IAuditLog audit, RegistrationList list, string? office, string? status, string? from, string? to, TimeProvider clock) =>
            Send(http, staffStore, dossiers, audit, list, office, status, from, to, clock, "xlsx"));
        staff.MapGet("/dossiers.csv", (HttpContext http, IStaffStore staffStore, IDossierStore dossiers, IAuditLog audit, RegistrationList list, string? office, string? status, string? from, string? to, TimeProvider clock) =>
            Send(http, staffStore, dossiers, audit, list, office, status, from, to, clock, "csv"));
    }

    private static async Task<IResult> Send(HttpContext http, IStaffStore staffStore, IDossierStore dossierStore, IAuditLog audit, RegistrationList list, string? office, string? status, string? from, string? to, TimeProvider clock, string format)
    {
        if (Me(http, staffStore) is not { } me)
        {
            return Results.Redirect("/staff/login");
        }

        if (!TryDay(from, out var fromDay) || !TryDay(to, out var toDay))
        {
            return Results.BadRequest();
        }

        // Another office's dossiers are never in the file, whatever the filter asks.
        var dossiers = RegistrationList.Filter(dossierStore.DossiersFor(me), office, status, fromDay, toDay).ToList();
        await audit.AuditAsync(me.Id, "export-" + format, $"{dossiers.Count} dossiers", clock.GetUtcNow());
        var buffer = new MemoryStream();
        if (format == "xlsx")
        {
            list.WriteXlsx(buffer, dossiers);
        }
        else
        {
            list.WriteCsv(buffer, dossiers);
        }

        buffer.Position = 0;
        var name = $"danh-sach-dang-ky-{clock.GetUtcNow():yyyyMMdd}.{format}";
        return Results.File(buffer, format == "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8", name);
    }

    private static bool TryDay(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        day = parsed;
        return true;
    }
}
