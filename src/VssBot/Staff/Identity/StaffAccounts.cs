using Microsoft.AspNetCore.Identity;
using VssBot.Core.Staff;

namespace VssBot.Staff.Identity;

/// <summary>Making or changing a staff account through Identity's <see cref="UserManager{TUser}"/>
/// (the console's admin page and the command line share it). A changed password, offices
/// or role gets a new security stamp: the account's open sessions end.</summary>
public static class StaffAccounts
{
    public sealed record Saved(bool Succeeded, StaffAccount? Account, string Errors);

    public static async Task<Saved> SaveAsync(UserManager<StaffAccount> users, string user, string? displayName, IReadOnlyList<string> offices, bool isAdmin, string password, TimeProvider clock)
    {
        var name = user.Trim().ToLowerInvariant();
        var account = await users.FindByNameAsync(name);
        IdentityResult result;
        if (account is null)
        {
            account = new StaffAccount { Id = name, DisplayName = string.IsNullOrWhiteSpace(displayName) ? name : displayName, Offices = [.. offices], IsAdmin = isAdmin, CreatedAt = clock.GetUtcNow() };
            result = await users.CreateAsync(account, password);
        }
        else
        {
            account.DisplayName = string.IsNullOrWhiteSpace(displayName) ? account.DisplayName : displayName;
            account.Offices = [.. offices];
            account.IsAdmin = isAdmin;
            var check = await Validate(users, account, password);
            result = check.Succeeded ? await users.RemovePasswordAsync(account) : check;
            if (result.Succeeded)
            {
                result = await users.AddPasswordAsync(account, password);
            }
        }

        return new Saved(result.Succeeded, result.Succeeded ? account : null, string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    private static async Task<IdentityResult> Validate(UserManager<StaffAccount> users, StaffAccount account, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            if (await validator.ValidateAsync(users, account, password) is { Succeeded: false } failed)
            {
                return failed;
            }
        }

        return IdentityResult.Success;
    }
}
