using Microsoft.AspNetCore.Identity;
using VssBot.Core.Staff;
using VssBot.Staff.Identity;

namespace VssBot.Cli;

/// <summary>
/// `staff add USER OFFICES [admin]`: creates or updates a staff account through Identity
/// (`--unit CODE` makes it that unit's coordinator, who sees only the unit's progress and list);
/// OFFICES is a comma-separated list of office ids from dialogs/offices.yaml; the password
/// is read from standard input (never from the command line, where it would stay in the
/// history). `staff telegram USER TELEGRAM_USER_ID`: links the account's Telegram user, so
/// that it may act in the staff group for its offices (`none` unlinks).
/// </summary>
public static class StaffCommand
{
    private const string Usage = "usage: staff add USER OFFICE[,OFFICE…] [admin] [--unit CODE]   (password on standard input)\n       staff telegram USER TELEGRAM_USER_ID|none";

    public static async Task<int> RunAsync(string[] words, IServiceProvider services, TextReader input, TextWriter output, TimeProvider clock)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        var store = scope.ServiceProvider.GetRequiredService<IAuditLog>();
        var units = scope.ServiceProvider.GetRequiredService<VssBot.Core.Domain.Units.IUnitStore>();
        switch (words)
        {
            case ["staff", "add", var user, var offices, .. var rest] when rest is [] or ["admin"]:
                return await AddAsync(users, store, units, scope.ServiceProvider.GetRequiredService<Core.Engine.DialogContent>(), user, offices, rest is ["admin"],
                    scope.ServiceProvider.GetRequiredService<IConfiguration>()["unit"], input, output, clock);
            case ["staff", "telegram", var user, var telegram] when telegram == "none" || long.TryParse(telegram, out _):
                if (await users.FindByNameAsync(user) is not { } account)
                {
                    output.WriteLine($"no staff account '{user}'");
                    return 2;
                }

                account.TelegramUserId = telegram == "none" ? null : long.Parse(telegram);
                await users.UpdateAsync(account);
                await store.AuditAsync("cli", "staff-telegram", account.Id, clock.GetUtcNow());
                output.WriteLine($"{account.Id}: Telegram user {(account.TelegramUserId?.ToString() ?? "none")}");
                return 0;
            default:
                output.WriteLine(Usage);
                return 2;
        }
    }

    private static async Task<int> AddAsync(UserManager<StaffAccount> users, IAuditLog store, VssBot.Core.Domain.Units.IUnitStore units, Core.Engine.DialogContent content, string user, string offices, bool admin,
        string? unitCode, TextReader input, TextWriter output, TimeProvider clock)
    {
        var unit = unitCode is null ? null : units.FindUnit(unitCode);
        if (unitCode is not null && (unit is null || admin || offices != unit.OfficeId))
        {
            output.WriteLine($"a coordinator needs an existing unit of that one office, and is not an admin ('{unitCode}')");
            return 2;
        }

        var officeIds = offices.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var unknown = officeIds.Where(o => content.Offices.Find(o) is null).ToList();
        if (unknown.Count > 0)
        {
            output.WriteLine($"unknown office(s): {string.Join(", ", unknown)} (known: {string.Join(", ", content.Offices.Offices.Select(o => o.Id))})");
            return 2;
        }

        output.Write("password: ");
        var password = input.ReadLine() ?? "";
        var saved = await StaffAccounts.SaveAsync(users, user, null, officeIds, admin, password, clock);
        if (!saved.Succeeded)
        {
            output.WriteLine($"refused: {saved.Errors}");
            return 2;
        }

        var account = saved.Account!;
        if (account.Unit != unit?.Code)
        {
            account.Unit = unit?.Code;
            await users.UpdateAsync(account);
        }

        await store.AuditAsync("cli", "staff-add", account.Id, clock.GetUtcNow());
        output.WriteLine($"{account.Id}: offices {string.Join(", ", account.Offices)}{(account.IsAdmin ? ", admin" : "")}{(account.Unit is null ? "" : ", coordinator of " + account.Unit)}");
        return 0;
    }
}
