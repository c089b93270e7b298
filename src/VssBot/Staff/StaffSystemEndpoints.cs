using Microsoft.AspNetCore.Antiforgery;
using VssBot.Core.Staff;

namespace VssBot.Staff;

/// <summary>/staff/system: the state of this VssBot for admins; others get "not found".</summary>
internal static class StaffSystemEndpoints
{
    public static void Map(RouteGroupBuilder staff) =>
        staff.MapGet("/system", (HttpContext http, IAntiforgery antiforgery, IStaffStore staffStore, IServiceProvider services, TimeProvider clock) =>
            StaffAdminEndpoints.Admin(http, staffStore) is not { } me
                ? StaffHttp.NotFound()
                : StaffView.Page<Pages.SystemPage>(new { Me = me, Token = StaffHttp.Token(http, antiforgery), Facts = SystemFacts.Read(services, me, clock), Now = clock.GetUtcNow() }));
}
