using Microsoft.AspNetCore.Identity;
using VssBot.Core.Staff;
using VssBot.Storage;

namespace VssBot.Staff.Identity;

/// <summary>ASP.NET Core Identity's user store over the project's database: accounts are
/// <see cref="StaffAccount"/> documents, keyed by the lower-case login name. Writes carry
/// a concurrency stamp, so a write based on an older copy fails instead of undoing another.</summary>
public sealed class StaffUserStore(IStaffStore store) :
    IUserPasswordStore<StaffAccount>,
    IUserLockoutStore<StaffAccount>,
    IUserSecurityStampStore<StaffAccount>,
    IUserTwoFactorStore<StaffAccount>,
    IUserAuthenticatorKeyStore<StaffAccount>
{
    public Task<string> GetUserIdAsync(StaffAccount user, CancellationToken ct) => Task.FromResult(user.Id);

    public Task<string?> GetUserNameAsync(StaffAccount user, CancellationToken ct) => Task.FromResult<string?>(user.Id);

    public Task SetUserNameAsync(StaffAccount user, string? userName, CancellationToken ct)
    {
        user.Id = (userName ?? "").Trim().ToLowerInvariant();
        return Task.CompletedTask;
    }

    public Task<string?> GetNormalizedUserNameAsync(StaffAccount user, CancellationToken ct) => Task.FromResult<string?>(user.Id.ToUpperInvariant());

    public Task SetNormalizedUserNameAsync(StaffAccount user, string? normalizedName, CancellationToken ct) => Task.CompletedTask;

    public async Task<IdentityResult> CreateAsync(StaffAccount user, CancellationToken ct)
    {
        if (store.FindStaff(user.Id) is not null)
        {
            return IdentityResult.Failed(new IdentityErrorDescriber().DuplicateUserName(user.Id));
        }

        user.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await store.SaveStaffAsync(user);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> UpdateAsync(StaffAccount user, CancellationToken ct)
    {
        if (!await store.SaveStaffIfUnchangedAsync(user, Guid.NewGuid().ToString("N")))
        {
            return IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());
        }

        return IdentityResult.Success;
    }

    public async Task<IdentityResult> DeleteAsync(StaffAccount user, CancellationToken ct)
    {
        await store.RemoveStaffAsync(user.Id);
        return IdentityResult.Success;
    }

    public Task<StaffAccount?> FindByIdAsync(string userId, CancellationToken ct) => Task.FromResult(store.FindStaff(userId));

    public Task<StaffAccount?> FindByNameAsync(string normalizedUserName, CancellationToken ct) => Task.FromResult(store.FindStaff(normalizedUserName));

    public Task SetPasswordHashAsync(StaffAccount user, string? passwordHash, CancellationToken ct)
    {
        user.PasswordHash = passwordHash ?? "";
        return Task.CompletedTask;
    }

    public Task<string?> GetPasswordHashAsync(StaffAccount user, CancellationToken ct) => Task.FromResult(user.PasswordHash.Length > 0 ? user.PasswordHash : null);

    public Task<bool> HasPasswordAsync(StaffAccount user, CancellationToken ct) => Task.FromResult(user.PasswordHash.Length > 0);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(StaffAccount user, CancellationToken ct) => Task.FromResult(user.LockedUntil);

    public Task SetLockoutEndDateAsync(StaffAccount user, DateTimeOffset? lockoutEnd, CancellationToken ct)
    {
        user.LockedUntil = lockoutEnd;
        return Task.CompletedTask;
    }

    public Task<int> IncrementAccessFailedCountAsync(StaffAccount user, CancellationToken ct) => Task.FromResult(++user.FailedLogins);

    public Task ResetAccessFailedCountAsync(StaffAccount user, CancellationToken ct)
    {
        user.FailedLogins = 0;
        return Task.CompletedTask;
    }

    public Task<int> GetAccessFailedCountAsync(StaffAccount user, CancellationToken ct) => Task.FromResult(user.FailedLogins);

    public Task<bool> GetLockoutEnabledAsync(StaffAccount user, CancellationToken ct) => Task.FromResult(true);

    public Task SetLockoutEnabledAsync(StaffAccount user, bool enabled, CancellationToken ct) => Task.CompletedTask;

    public Task SetSecurityStampAsync(StaffAccount user, string stamp, CancellationToken ct)
    {
        user.SecurityStamp = stamp;
        return Task.CompletedTask;
    }

    public Task<string?> GetSecurityStampAsync(StaffAccount user, CancellationToken ct) => Task.FromResult<string?>(user.SecurityStamp);

    public Task SetTwoFactorEnabledAsync(StaffAccount user, bool enabled, CancellationToken ct)
    {
        user.TwoFactorEnabled = enabled;
        return Task.CompletedTask;
    }

    public Task<bool> GetTwoFactorEnabledAsync(StaffAccount user, CancellationToken ct) => Task.FromResult(user.TwoFactorEnabled);

    public Task SetAuthenticatorKeyAsync(StaffAccount user, string key, CancellationToken ct)
    {
        user.AuthenticatorKey = key;
        return Task.CompletedTask;
    }

    public Task<string?> GetAuthenticatorKeyAsync(StaffAccount user, CancellationToken ct) => Task.FromResult(user.AuthenticatorKey);

    public void Dispose()
    {
    }
}
