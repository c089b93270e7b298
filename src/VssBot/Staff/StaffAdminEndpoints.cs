using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using VssBot.Core.Engine;
using VssBot.Core.Staff;
using Microsoft.AspNetCore.Identity;
using VssBot.Staff.Identity;
using VssBot.Storage;

using static VssBot.Staff.StaffHttp;

namespace VssBot.Staff;

/// <summary>/staff/admin: admins list staff accounts, add or change one (offices, admin
/// role, password), unlock or remove one. Others get "not found".</summary>
internal static class StaffAdminEndpoints
{

    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapGet("/admin", (HttpContext http, IAntiforgery antiforgery, LiteDbStore store, DialogContent content) =>
        {
            if (Admin(http, store) is not { } me)
            {
                return NotFound();
            }

            var token = Token(http, antiforgery);
            var rows = string.Concat(store.AllStaff().Select(a => $"""
                <tr><td>{E(a.Id)}</td><td>{E(a.DisplayName)}</td><td>{E(string.Join(", ", a.Offices))}</td><td>{(a.IsAdmin ? "Quản trị" : "")}</td>
                <td>{(a.LockedUntil > DateTimeOffset.UtcNow ? "Đang khóa" : "")}</td>
                <td><form class="inline" method="post" action="/staff/admin/{E(a.Id)}/unlock">{token}<button>Mở khóa</button></form>
                <form class="inline" method="post" action="/staff/admin/{E(a.Id)}/remove">{token}<button class="reject">Xóa</button></form></td></tr>
                """));
            var offices = string.Concat(content.Offices.Offices.Select(o => $"<label><input type=\"checkbox\" name=\"offices\" value=\"{E(o.Id)}\"> {E(o.Name)}</label><br>"));
            var body = $"""
                <main><p><a href="/staff">← Hàng chờ</a></p><h1>Quản lý cán bộ</h1>
                <table><tr><th>Tên đăng nhập</th><th>Tên</th><th>Cơ quan</th><th>Vai trò</th><th></th><th></th></tr>{rows}</table>
                <h2>Thêm hoặc sửa cán bộ</h2>
                <form method="post" action="/staff/admin">{token}
                <label>Tên đăng nhập<input name="user" required></label><label>Tên hiển thị<input name="name" required></label>
                <fieldset><legend>Cơ quan</legend>{offices}</fieldset>
                <label><input type="checkbox" name="admin" value="true"> Quản trị</label>
                <label>Mật khẩu (ít nhất 10 ký tự)<input name="password" type="password" required minlength="10"></label>
                <button>Lưu</button></form></main>
                """;
            return StaffPages.Html("Quản lý cán bộ", StaffPages.Header(me, token) + body);
        });

        staff.MapPost("/admin", async ([FromForm] string user, [FromForm] string name, [FromForm] string password, HttpContext http, LiteDbStore store, DialogContent content, TimeProvider clock, UserManager<StaffAccount> users) =>
        {
            if (Admin(http, store) is not { } me)
            {
                return NotFound();
            }

            var form = await http.Request.ReadFormAsync();
            var offices = form["offices"].Where(o => o is not null && content.Offices.Find(o) is not null).Select(o => o!).ToList();
            if (password.Length < 10 || string.IsNullOrWhiteSpace(user))
            {
                return StaffPages.Html("Lỗi", "<main><p class=\"error\">Cần tên đăng nhập và mật khẩu ít nhất 10 ký tự.</p><p><a href=\"/staff/admin\">← Quay lại</a></p></main>", StatusCodes.Status400BadRequest);
            }

            var result = await StaffAccounts.SaveAsync(users, user, name.Trim(), offices, form["admin"] == "true", password, clock);
            if (!result.Succeeded)
            {
                return StaffPages.Html("Lỗi", "<main><p class=\"error\">Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang; mật khẩu ít nhất 10 ký tự.</p><p><a href=\"/staff/admin\">← Quay lại</a></p></main>", StatusCodes.Status400BadRequest);
            }

            var account = result.Account!;
            await store.AuditAsync(me.Id, "staff-save", account.Id, clock.GetUtcNow());
            return Results.Redirect("/staff/admin");
        });

        foreach (var action in new[] { "unlock", "remove" })
        {
            staff.MapPost($"/admin/{{id}}/{action}", async (string id, HttpContext http, IAntiforgery antiforgery, LiteDbStore store, TimeProvider clock, UserManager<StaffAccount> users) =>
            {
                if (!await StaffHandoffEndpoints.TokenValidAsync(http, antiforgery))
                {
                    return StaffHandoffEndpoints.Forged();
                }

                if (Admin(http, store) is not { } me || store.FindStaff(id) is not { } account || account.Id == me.Id)
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

                await store.AuditAsync(me.Id, "staff-" + action, account.Id, clock.GetUtcNow());
                return Results.Redirect("/staff/admin");
            }).DisableAntiforgery();
        }
    }

    private static StaffAccount? Admin(HttpContext http, LiteDbStore store) =>
        http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id && store.FindStaff(id) is { IsAdmin: true } me ? me : null;
}
