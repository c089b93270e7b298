using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Core.Staff;
using VssBot.Staff.Identity;

namespace VssBot.IntegrationTests.Support;

/// <summary>Makes staff accounts in an in-process host, through Identity as the console does.</summary>
public static class TestStaff
{
    public static async Task<StaffAccount> AddAsync(IServiceProvider services, string user, string password, string[] offices, bool admin = false, string? displayName = null)
    {
        using var scope = services.CreateScope();
        var saved = await StaffAccounts.SaveAsync(scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>(), user, displayName, offices, admin, password, TimeProvider.System);
        Assert.True(saved.Succeeded, saved.Errors);
        return saved.Account!;
    }
}
