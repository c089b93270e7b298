using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using QRCoder;
using VssBot.Core.Conversations;
using VssBot.Core.Engine;
using VssBot.Core.Staff;
using VssBot.Staff.Identity;

using static VssBot.Staff.StaffHttp;

namespace VssBot.Staff;

/// <summary>Signing in and out on Identity's <see cref="SignInManager{TUser}"/>: the
/// password, then an authenticator code where the account has one; enrolling an
/// authenticator app. Every failure gets one answer, whatever failed.</summary>
internal static class StaffLoginEndpoints
{
    // Parallel guesses at one account are counted one after another, so none slips past the lock.
    private static readonly KeyedLock Attempts = new();

    // Verified against when the account is unknown or locked, so that every refusal costs one hash.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<StaffAccount>().HashPassword(new StaffAccount(), Guid.NewGuid().ToString()));

    public static void Map(WebApplication app)
    {
        app.MapGet("/staff/login", (HttpContext http, IAntiforgery antiforgery) =>
            StaffView.Page<Pages.LoginPage>(new { Token = Token(http, antiforgery) }));

        app.MapPost("/staff/login", async ([FromForm] string user, [FromForm] string password, HttpContext http, IAntiforgery antiforgery,
            SignInManager<StaffAccount> signIn, IAuditLog store, TimeProvider clock) =>
        {
            var name = user.Trim().ToLowerInvariant();
            using var turn = await Attempts.AcquireAsync(name);
            var account = await signIn.UserManager.FindByNameAsync(name);
            if (account is null || await signIn.UserManager.IsLockedOutAsync(account))
            {
                signIn.UserManager.PasswordHasher.VerifyHashedPassword(new StaffAccount(), DummyHash.Value, password);
            }

            var result = account is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(account, password, isPersistent: false, lockoutOnFailure: true);
            if (account is not null)
            {
                var action = result.Succeeded ? "login" : result.RequiresTwoFactor ? "login-password" : result.IsLockedOut ? "login-locked" : "login-failed";
                await store.AuditAsync(account.Id, action, account.Id, clock.GetUtcNow());
            }

            return result.Succeeded ? Results.Redirect("/staff")
                : result.RequiresTwoFactor ? Results.Redirect("/staff/login/code")
                : StaffView.Page<Pages.LoginPage>(new { Token = Token(http, antiforgery), Refused = true }, StatusCodes.Status401Unauthorized);
        }).RequireRateLimiting(VssBot.Web.RateLimits.Logins);

        app.MapGet("/staff/login/code", (HttpContext http, IAntiforgery antiforgery) =>
            StaffView.Page<Pages.CodePage>(new { Token = Token(http, antiforgery) }));

        app.MapPost("/staff/login/code", async ([FromForm] string code, HttpContext http, IAntiforgery antiforgery,
            SignInManager<StaffAccount> signIn, IAuditLog store, TimeProvider clock) =>
        {
            if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } account)
            {
                return Results.Redirect("/staff/login");
            }

            using var turn = await Attempts.AcquireAsync(account.Id);
            var result = await signIn.TwoFactorAuthenticatorSignInAsync(Digits(code), isPersistent: false, rememberClient: false);
            await store.AuditAsync(account.Id, result.Succeeded ? "login" : "login-code-failed", account.Id, clock.GetUtcNow());
            return result.Succeeded ? Results.Redirect("/staff")
                : StaffView.Page<Pages.CodePage>(new { Token = Token(http, antiforgery), Refused = true }, StatusCodes.Status401Unauthorized);
        }).RequireRateLimiting(VssBot.Web.RateLimits.Logins);
    }

    public static void MapSignedIn(RouteGroupBuilder staff)
    {
        staff.MapPost("/logout", async (HttpContext http, IAntiforgery antiforgery, SignInManager<StaffAccount> signIn) =>
        {
            if (!await StaffHandoffEndpoints.TokenValidAsync(http, antiforgery))
            {
                return StaffHandoffEndpoints.Forged();
            }

            await signIn.SignOutAsync();
            return Results.Redirect("/staff/login");
        }).DisableAntiforgery();

        staff.MapGet("/2fa", async (HttpContext http, IAntiforgery antiforgery, UserManager<StaffAccount> users, SignInManager<StaffAccount> signIn) =>
        {
            if (await users.GetUserAsync(http.User) is not { } me)
            {
                return Results.Redirect("/staff/login");
            }

            if (me.TwoFactorEnabled)
            {
                return StaffView.Page<Pages.EnrolPage>(new { Me = me, Token = Token(http, antiforgery) });
            }

            if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(me)))
            {
                // A new key changes the security stamp: keep this session, made anew.
                await users.ResetAuthenticatorKeyAsync(me);
                await signIn.RefreshSignInAsync(me);
            }

            var key = (await users.GetAuthenticatorKeyAsync(me))!;
            return StaffView.Page<Pages.EnrolPage>(new { Me = me, Token = Token(http, antiforgery), Key = key, Qr = QrDataUri(me.Id, key) });
        });

        staff.MapPost("/2fa", async ([FromForm] string code, HttpContext http, IAntiforgery antiforgery, UserManager<StaffAccount> users,
            SignInManager<StaffAccount> signIn, IAuditLog store, TimeProvider clock) =>
        {
            if (await users.GetUserAsync(http.User) is not { AuthenticatorKey: { } key } me)
            {
                return Results.Redirect("/staff/2fa");
            }

            if (!await users.VerifyTwoFactorTokenAsync(me, users.Options.Tokens.AuthenticatorTokenProvider, Digits(code)))
            {
                return StaffView.Page<Pages.EnrolPage>(new { Me = me, Token = Token(http, antiforgery), Key = key, Qr = QrDataUri(me.Id, key), Refused = true },
                    StatusCodes.Status400BadRequest);
            }

            await users.SetTwoFactorEnabledAsync(me, true);
            await store.AuditAsync(me.Id, "2fa-on", me.Id, clock.GetUtcNow());
            await signIn.RefreshSignInAsync(me);
            return Results.Redirect("/staff");
        });
    }

    /// <summary>Until an account that must use an authenticator app has one, every staff
    /// page but enrolment and sign-out sends it to enrolment.</summary>
    public static RouteGroupBuilder RequireTwoFactorWhereNeeded(this RouteGroupBuilder staff)
    {
        staff.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var path = http.Request.Path;
            if (path.StartsWithSegments("/staff/2fa") || path.StartsWithSegments("/staff/logout")
                || http.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id
                || http.RequestServices.GetRequiredService<IStaffStore>().FindStaff(id) is not { TwoFactorEnabled: false } me
                || !StaffIdentity.NeedsTwoFactor(me, http.RequestServices.GetRequiredService<DialogContent>().Offices))
            {
                return await next(context);
            }

            return Results.Redirect("/staff/2fa");
        });
        return staff;
    }

    private static string Digits(string code) => new([.. code.Where(char.IsAsciiDigit)]);

    private static string QrDataUri(string user, string key)
    {
        var uri = $"otpauth://totp/VssBot:{Uri.EscapeDataString(user)}?secret={key}&issuer=VssBot&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(8));
    }
}
