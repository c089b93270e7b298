using Microsoft.AspNetCore.Identity;
using VssBot.Core.Staff;
using VssBot.Storage;

namespace VssBot.Staff;

/// <summary>Checks a staff login: ASP.NET Core Identity's password hasher, and a lock
/// after repeated failures so that passwords cannot be guessed online.</summary>
public sealed class StaffSignIn(LiteDbStore store, TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockFor = TimeSpan.FromMinutes(15);

    private static readonly PasswordHasher<StaffAccount> Hasher = new();

    public enum Outcome
    {
        SignedIn,
        Wrong,
        Locked,
    }

    public static string Hash(StaffAccount account, string password) => Hasher.HashPassword(account, password);

    public async Task<(Outcome Outcome, StaffAccount? Account)> CheckAsync(string user, string password)
    {
        var account = store.FindStaff(user.Trim());
        var now = clock.GetUtcNow();
        if (account is null)
        {
            return (Outcome.Wrong, null);
        }

        if (account.LockedUntil > now)
        {
            return (Outcome.Locked, null);
        }

        var result = Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            account.FailedLogins++;
            if (account.FailedLogins >= MaxFailures)
            {
                account.LockedUntil = now + LockFor;
                account.FailedLogins = 0;
            }

            await store.SaveStaffAsync(account);
            await store.AuditAsync(account.Id, account.LockedUntil > now ? "login-locked" : "login-failed", account.Id, now);
            return (account.LockedUntil > now ? Outcome.Locked : Outcome.Wrong, null);
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = Hasher.HashPassword(account, password);
        }

        account.FailedLogins = 0;
        account.LockedUntil = null;
        await store.SaveStaffAsync(account);
        await store.AuditAsync(account.Id, "login", account.Id, now);
        return (Outcome.SignedIn, account);
    }
}
