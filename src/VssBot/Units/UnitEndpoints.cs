using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using VssBot.Core.Conversations;
using VssBot.Core.Domain.Units;
using VssBot.Core.Engine;
using VssBot.Lists;
using VssBot.Staff;

using static VssBot.Staff.StaffHttp;

using VssBot.Core.Staff;

using VssBot.Core.Domain.Dossiers;

namespace VssBot.Units;

/// <summary>
/// Units in the staff console: the overview of the units one may see (the office's report),
/// a unit's progress page, its list (XLSX/CSV), its poster (PDF/PNG), ticking form 01 as
/// received, reminding the people who did not finish. Another unit is "not found".
/// </summary>
internal static class UnitEndpoints
{
    /// <summary>Channels a reminder may go out on: Telegram and Zalo at once (Zalo only within its
    /// window), the web chat on the next visit.</summary>
    private static readonly HashSet<string> RemindableChannels = ["web", "telegram", "zalo"];

    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapGet("/units", (HttpContext http, IAntiforgery antiforgery, IStaffStore staffStore, IUnitStore units, DialogContent content, UnitLinks links, TimeProvider clock) =>
        {
            if (Me(http, staffStore) is not { } me)
            {
                return Results.Redirect("/staff/login");
            }

            var visible = UnitAccess.Visible(me, units);
            var now = clock.GetUtcNow();
            var rows = visible.Select(u => (u, UnitReport.Summary(u, units.Units(u.OfficeId), units, now),
                UnitProgress.DaysLeft(u, DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(7)).DateTime)))).ToList();
            return StaffView.Page<Staff.Pages.UnitsPage>(new
            {
                Me = me,
                Token = Token(http, antiforgery),
                Rows = rows,
                Offices = content.Offices,
                Manageable = content.Offices.Offices.Where(o => UnitAccess.CanManage(me, o.Id)).ToList(),
            });
        });

        staff.MapPost("/units", async ([FromForm] string code, [FromForm] string name, [FromForm] string office, HttpContext http, IStaffStore staffStore, IAuditLog audit, IUnitStore units, DialogContent content, TimeProvider clock) =>
        {
            var form = await http.Request.ReadFormAsync();
            if (Me(http, staffStore) is not { } me || !UnitAccess.CanManage(me, office))
            {
                return NotFound();
            }

            var unit = UnitForm.Read(code, name, office, form["parent"], form["target"], form["children_target"], form["deadline"]);
            if (unit.Check(units, content.Offices) is not null)
            {
                return StaffView.Problem(ProblemKind.BadUnit, StatusCodes.Status400BadRequest);
            }

            var saved = await unit.SaveAsync(units, clock);
            await audit.AuditAsync(me.Id, "unit-save", saved.Code, clock.GetUtcNow());
            return Results.Redirect($"/staff/units/{saved.Code}");
        });

        staff.MapGet("/units/{code}", (string code, HttpContext http, IAntiforgery antiforgery, IStaffStore staffStore, IUnitStore units, DialogContent content, UnitLinks links, TimeProvider clock, int? reminded) =>
            Me(http, staffStore) is not { } me ? Results.Redirect("/staff/login")
            : UnitAccess.Find(me, units, code) is not { } unit ? NotFound()
            : StaffView.Page<Staff.Pages.UnitPage>(new
            {
                Me = me,
                Token = Token(http, antiforgery),
                Report = UnitReport.Build(unit, units, content, clock.GetUtcNow()),
                Offices = content.Offices,
                Web = links.Web(unit),
                Telegram = links.Telegram(unit),
                Reminded = reminded,
            }));

        foreach (var format in new[] { "xlsx", "csv" })
        {
            staff.MapGet($"/units/{{code}}/list.{format}", async (string code, HttpContext http, IStaffStore staffStore, IAuditLog audit, IUnitStore units, DialogContent content, RegistrationList list, TimeProvider clock) =>
            {
                if (Me(http, staffStore) is not { } me || UnitAccess.Find(me, units, code) is not { } unit)
                {
                    return NotFound();
                }

                var report = UnitReport.Build(unit, units, content, clock.GetUtcNow());
                await audit.AuditAsync(me.Id, "unit-list", unit.Code, clock.GetUtcNow());
                using var buffer = new MemoryStream();
                if (format == "xlsx")
                {
                    list.WriteXlsx(buffer, report.Dossiers, report.Unfinished);
                }
                else
                {
                    list.WriteCsv(buffer, report.Dossiers, report.Unfinished);
                }

                return Results.File(buffer.ToArray(), format == "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
                    $"danh-sach-{unit.Code.ToLowerInvariant()}.{format}");
            });
        }

        foreach (var format in new[] { "pdf", "png" })
        {
            staff.MapGet($"/units/{{code}}/poster.{format}", (string code, HttpContext http, IStaffStore staffStore, IUnitStore units, UnitPoster poster) =>
                Me(http, staffStore) is not { } me || UnitAccess.Find(me, units, code) is not { } unit ? NotFound()
                : format == "pdf" ? Results.File(poster.Pdf(unit), "application/pdf", UnitPoster.FileName(unit, format))
                : Results.File(poster.Png(unit), "image/png", UnitPoster.FileName(unit, format)));
        }

        staff.MapPost("/units/{code}/form01", async (string code, [FromForm] string dossier, HttpContext http, IStaffStore staffStore, IDossierStore dossiers, IAuditLog audit, IUnitStore units, TimeProvider clock) =>
        {
            if (Me(http, staffStore) is not { } me || UnitAccess.Find(me, units, code) is not { } unit
                || dossiers.FindDossier(dossier) is not { UnitCode: { } of } found || !UnitTree.Below(unit.Code, units.Units(unit.OfficeId)).Contains(of))
            {
                return NotFound();
            }

            await units.MarkForm01ReceivedAsync(found.Id, clock.GetUtcNow());
            await audit.AuditAsync(me.Id, "form01-received", found.Id, clock.GetUtcNow());
            return Results.Redirect($"/staff/units/{unit.Code}");
        });

        staff.MapPost("/units/{code}/remind", async (string code, [FromForm] string? confirm, HttpContext http, IStaffStore staffStore, IAuditLog audit, IUnitStore units, IConversationStore store, DialogContent content,
            ConversationService conversations, IOptions<UnitOptions> options, IEnumerable<IChannelWindow> windows, TimeProvider clock) =>
        {
            if (Me(http, staffStore) is not { } me || UnitAccess.Find(me, units, code) is not { } unit)
            {
                return NotFound();
            }

            var interval = TimeSpan.FromDays(options.Value.ReminderIntervalDays);
            var reminded = 0;
            foreach (var person in UnitReport.Build(unit, units, content, clock.GetUtcNow()).Unfinished)
            {
                if (store.FindConversation(person.ConversationId) is { } c && RemindableChannels.Contains(c.Channel)
                    && windows.All(w => w.CanReach(c, clock.GetUtcNow()))
                    && await conversations.RemindAsync(c.Id, unit.Name, interval))
                {
                    reminded++;
                    await audit.AuditAsync(me.Id, "remind", c.Id, clock.GetUtcNow());
                }
            }

            return Results.Redirect($"/staff/units/{unit.Code}?reminded={reminded}");
        });
    }
}
