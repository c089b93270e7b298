using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using VssBot.Core.Engine;
using VssBot.Core.Staff;
using VssBot.Storage;

using static VssBot.Staff.StaffHttp;

namespace VssBot.Staff;

/// <summary>
/// The staff console under /staff: login (hashed passwords, lock after repeated failures,
/// HttpOnly SameSite=Strict cookie, anti-forgery on every form), the dossiers of the staff
/// member's own offices, and their decision. Every action goes to the audit log.
/// </summary>
public static class StaffConsole
{
    public const string Scheme = "staff";

    public static IServiceCollection AddStaffConsole(this IServiceCollection services, IConfiguration configuration)
    {
        // Behind a proxy that ends TLS the request looks like plain HTTP: "Always" keeps the
        // cookie Secure there.
        var always = string.Equals(configuration["Staff:SecureCookies"], "Always", StringComparison.OrdinalIgnoreCase);
        services.AddAuthentication(Scheme).AddCookie(Scheme, options =>
        {
            options.LoginPath = "/staff/login";
            options.Cookie.Name = "vssbot.staff";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = always ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        services.AddAuthorization();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "vssbot.af";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = always ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.AddSingleton<StaffSignIn>();
        services.AddSingleton<StaffEvents>();
        return services;
    }

    public static void MapStaffConsole(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapGet("/staff/login", (HttpContext http, IAntiforgery antiforgery) =>
            StaffPages.Html("Đăng nhập", StaffPages.Login(Token(http, antiforgery), null)));

        app.MapPost("/staff/login", async ([FromForm] string user, [FromForm] string password, HttpContext http, IAntiforgery antiforgery, StaffSignIn signIn) =>
        {
            var (outcome, account) = await signIn.CheckAsync(user, password);
            if (outcome != StaffSignIn.Outcome.SignedIn)
            {
                var message = outcome == StaffSignIn.Outcome.Locked
                    ? $"Tài khoản tạm khóa {StaffSignIn.LockFor.TotalMinutes:F0} phút vì nhập sai mật khẩu nhiều lần."
                    : "Sai tên đăng nhập hoặc mật khẩu.";
                return StaffPages.Html("Đăng nhập", StaffPages.Login(Token(http, antiforgery), message), StatusCodes.Status401Unauthorized);
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, account!.Id), new Claim(ClaimTypes.Name, account.DisplayName)], Scheme);
            await http.SignInAsync(Scheme, new ClaimsPrincipal(identity));
            return Results.Redirect("/staff");
        });

        var staff = app.MapGroup("/staff").RequireAuthorization();
        staff.MapPost("/logout", async (HttpContext http, IAntiforgery antiforgery) =>
        {
            if (!await StaffHandoffEndpoints.TokenValidAsync(http, antiforgery))
            {
                return StaffHandoffEndpoints.Forged();
            }

            await http.SignOutAsync(Scheme);
            return Results.Redirect("/staff/login");
        }).DisableAntiforgery();

        StaffHandoffEndpoints.Map(staff);
        StaffAdminEndpoints.Map(staff);
        staff.MapGet("/dossiers", (HttpContext http, IAntiforgery antiforgery, LiteDbStore store, DialogContent content) =>
            Me(http, store) is not { } me
                ? Results.Redirect("/staff/login")
                : StaffPages.Html("Hồ sơ", StaffPages.Header(me, Token(http, antiforgery)) + StaffPages.DossierList(store.DossiersFor(me), content.Offices)));

        staff.MapGet("/dossiers/{id}", (string id, HttpContext http, IAntiforgery antiforgery, LiteDbStore store) =>
            Me(http, store) is not { } me ? Results.Redirect("/staff/login")
            : Visible(store, me, id) is not { } dossier ? NotFound()
            : StaffPages.Html(dossier.Id, StaffPages.Header(me, Token(http, antiforgery)) + StaffPages.DossierPage(dossier, Token(http, antiforgery))));

        staff.MapPost("/dossiers/{id}/decision", async (string id, [FromForm] string decision, HttpContext http, LiteDbStore store, TimeProvider clock) =>
        {
            if (Me(http, store) is not { } me || Visible(store, me, id) is not { } dossier)
            {
                return NotFound();
            }

            if (decision is not ("approved" or "rejected") || dossier.Status != "submitted")
            {
                return StaffPages.Html("Lỗi", "<main><p class=\"error\">Quyết định không hợp lệ.</p></main>", StatusCodes.Status400BadRequest);
            }

            await store.DecideAsync(dossier.Id, decision, clock.GetUtcNow());
            await store.AuditAsync(me.Id, decision, dossier.Id, clock.GetUtcNow());
            return Results.Redirect($"/staff/dossiers/{dossier.Id}");
        });

        staff.MapGet("/photos/{**key}", async (string key, HttpContext http, LiteDbStore store, TimeProvider clock) =>
        {
            var me = Me(http, store);
            // A dossier's photo, or one sent in a handed-off conversation, of the staff member's offices.
            var subject = me is null ? null
                : store.DossiersFor(me).FirstOrDefault(d => d.PhotoKeys.Contains(key))?.Id
                  ?? StaffHandoffEndpoints.Visible(store, me, key.Split('/')[0])?.Id;
            if (subject is null || store.Photo(key) is not { } bytes)
            {
                return NotFound();
            }

            await store.AuditAsync(me!.Id, "view-photo", subject, clock.GetUtcNow());
            http.Response.Headers.CacheControl = "no-store";
            return Results.Bytes(bytes, "image/jpeg");
        });
    }

    // Another office's dossier is "not found": its existence is not revealed.
    private static VssBot.Core.Domain.Dossiers.Dossier? Visible(LiteDbStore store, StaffAccount me, string id) =>
        store.FindDossier(id) is { } dossier && me.Serves(dossier.OfficeId) ? dossier : null;
}
