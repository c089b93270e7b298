using VssBot.Configuration;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using VssBot.Core.Staff;
using VssBot.Hosting;
using VssBot.Storage;

namespace VssBot.Staff.Identity;

/// <summary>
/// Staff accounts on ASP.NET Core Identity: <see cref="UserManager{TUser}"/> and
/// <see cref="SignInManager{TUser}"/> over <see cref="StaffUserStore"/>, lock-out after
/// five failures, the security stamp checked on every request (a password change, a
/// removal or a lock ends that account's sessions at once), authenticator-app codes, an
/// absolute session lifetime, and the key ring persisted in the data folder, encrypted
/// with the storage key.
/// </summary>
public static class StaffIdentity
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockFor = TimeSpan.FromMinutes(15);

    public static IServiceCollection AddStaffIdentity(this IServiceCollection services, IConfiguration configuration, bool isDevelopment)
    {
        services.AddValidatedOptions<StaffOptions>(configuration, StaffOptions.Section);
        services.AddIdentityCore<StaffAccount>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = MaxFailures;
                o.Lockout.DefaultLockoutTimeSpan = LockFor;
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = StaffOptions.MinPasswordLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._";
            })
            .AddUserStore<StaffUserStore>()
            .AddSignInManager()
            .AddTokenProvider<AuthenticatorTokenProvider<StaffAccount>>(TokenOptions.DefaultAuthenticatorProvider);

        CookieSecurePolicy Secure(StaffOptions options) => options.SecureCookies switch
        {
            "Always" => CookieSecurePolicy.Always,
            "SameAsRequest" => CookieSecurePolicy.SameAsRequest,
            _ => isDevelopment ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always,
        };
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/staff/login";
            o.Cookie.Name = "vssbot.staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.SlidingExpiration = false;
            o.Events.OnValidatePrincipal = ValidateAsync;
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<StaffOptions>((o, staff) =>
        {
            o.Cookie.SecurePolicy = Secure(staff);
            // Absolute: the cookie expires this long after sign-in, however busy the session.
            o.ExpireTimeSpan = TimeSpan.FromHours(staff.SessionHours);
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme).Configure<StaffOptions>((o, staff) =>
        {
            o.Cookie.Name = "vssbot.2fa";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = Secure(staff);
            o.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddAuthorization();
        services.AddAntiforgery();
        services.AddOptions<AntiforgeryOptions>().Configure<StaffOptions>((o, staff) =>
        {
            o.Cookie.Name = "vssbot.af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = Secure(staff);
        });

        services.AddDataProtection().SetApplicationName("VssBot");
        services.AddOptions<KeyManagementOptions>().Configure<VssBot.Storage.StoreOptions, ILoggerFactory, IServiceProvider>((o, store, logs, sp) =>
        {
            // One key ring for every instance on a shared database; a folder beside the LiteDB file otherwise.
            o.XmlRepository = store.Provider == VssBot.Storage.StoreOptions.PostgreSql
                ? new StoreXmlRepository(sp.GetRequiredService<VssBot.Core.Conversations.ISecretStore>())
                : new FileSystemXmlRepository(Directory.CreateDirectory(Path.Combine(store.DataDirectory, "keys")), logs);
            o.XmlEncryptor = new StoreKeyXmlEncryptor(store.Password!);
        });
        return services;
    }

    // The security stamp (every request), then the lock: a locked account's sessions end too.
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return;
        }

        var users = context.HttpContext.RequestServices.GetRequiredService<UserManager<StaffAccount>>();
        if (await users.FindByIdAsync(id) is not { } account || await users.IsLockedOutAsync(account))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    /// <summary>Whether the account must sign in with an authenticator code: admins, and
    /// staff of an office that requires it.</summary>
    public static bool NeedsTwoFactor(StaffAccount account, Core.Domain.Offices.OfficeDirectory offices) =>
        account.IsAdmin || account.Offices.Any(o => offices.Find(o)?.RequireTwoFactor == true);
}
