using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using VssBot.Core.Engine;
using VssBot.Core.Staff;
using Microsoft.AspNetCore.Identity;
using VssBot.Staff.Identity;

using static VssBot.Staff.StaffHttp;

using VssBot.Core.Domain.Dossiers;

using VssBot.Core.Conversations;

using VssBot.Core.Domain.Units;

namespace VssBot.Staff;

/// <summary>/staff/admin: admins list staff accounts, add or change one (offices, admin
/// role, password), unlock or remove one. Others get "not found".</summary>
internal static class StaffAdminEndpoints
{

    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapGet("/admin", (HttpContext http, IAntiforgery antiforgery, IStaffStore staffStore, DialogContent content, TimeProvider clock) =>
        {
            if (Admin(http, staffStore) is not { } me)
            {
                return NotFound();
            }

            return StaffView.Page<Pages.AdminPage>(new
            {
                Me = me,
                Token = Token(http, antiforgery),
                Staff = staffStore.AllStaff(),
                content.Offices,
                Now = clock.GetUtcNow(),
            });
        });

        staff.MapPost("/admin", async ([FromForm] string user, [FromForm] string name, [FromForm] string password, HttpContext http, IStaffStore staffStore, IAuditLog audit, DialogContent content, TimeProvider clock, UserManager<StaffAccount> users) =>
        {
            if (Admin(http, staffStore) is not { } me)
            {
                return NotFound();
            }

            var form = await http.Request.ReadFormAsync();
            var offices = form["offices"].Where(o => o is not null && content.Offices.Find(o) is not null).Select(o => o!).ToList();
            if (password.Length < 10 || string.IsNullOrWhiteSpace(user))
            {
                return StaffView.Problem(ProblemKind.StaffMissing, StatusCodes.Status400BadRequest);
            }

            var result = await StaffAccounts.SaveAsync(users, user, name.Trim(), offices, form["admin"] == "true", password, clock);
            if (!result.Succeeded)
            {
                return StaffView.Problem(ProblemKind.StaffRefused, StatusCodes.Status400BadRequest);
            }

            var account = result.Account!;
            await audit.AuditAsync(me.Id, "staff-save", account.Id, clock.GetUtcNow());
            return Results.Redirect("/staff/admin");
        });

        foreach (var action in new[] { "unlock", "remove" })
        {
            staff.MapPost($"/admin/{{id}}/{action}", async (string id, HttpContext http, IAntiforgery antiforgery, IStaffStore staffStore, IAuditLog audit, TimeProvider clock, UserManager<StaffAccount> users) =>
            {
                if (!await StaffHandoffEndpoints.TokenValidAsync(http, antiforgery))
                {
                    return StaffHandoffEndpoints.Forged();
                }

                if (Admin(http, staffStore) is not { } me || staffStore.FindStaff(id) is not { } account || account.Id == me.Id)
                {
                    return NotFound();
                }

                if (action == "remove")
                {
                    await users.DeleteAsync(account);
                }
                else
                {
                    await users.SetLockoutEndDateAsync(account, null);
                    await users.ResetAccessFailedCountAsync(account);
                }

                await audit.AuditAsync(me.Id, "staff-" + action, account.Id, clock.GetUtcNow());
                return Results.Redirect("/staff/admin");
            }).DisableAntiforgery();
        }
    }

    internal static StaffAccount? Admin(HttpContext http, IStaffStore staffStore) =>
        http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && staffStore.FindStaff(id) is { IsAdmin: true } me ? me : null;
}
