using VssBot.Core.Staff;
using VssBot.Staff;
using VssBot.Storage;

namespace VssBot.Cli;

/// <summary>`staff add USER OFFICES [admin]`: creates or updates a staff account; OFFICES
/// is a comma-separated list of office ids from dialogs/offices.yaml; the password is read
/// from standard input (never from the command line, where it would stay in the history).</summary>
public static class StaffCommand
{
    public static async Task<int> RunAsync(string[] words, LiteDbStore store, Core.Engine.DialogContent content, TextReader input, TextWriter output, TimeProvider clock)
    {
        if (words is not ["staff", "add", var user, var offices, .. var rest] || rest is not ([] or ["admin"]))
        {
            output.WriteLine("usage: staff add USER OFFICE[,OFFICE…] [admin]   (password on standard input)");
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
        if (password.Length < 10)
        {
            output.WriteLine("the password needs at least 10 characters");
            return 2;
        }

        var account = store.FindStaff(user) ?? new StaffAccount { Id = user.ToLowerInvariant(), CreatedAt = clock.GetUtcNow() };
        account.DisplayName = account.DisplayName.Length > 0 ? account.DisplayName : user;
        account.Offices = officeIds;
        account.IsAdmin = rest is ["admin"];
        account.PasswordHash = StaffSignIn.Hash(account, password);
        await store.SaveStaffAsync(account);
        await store.AuditAsync("cli", "staff-add", account.Id, clock.GetUtcNow());
        output.WriteLine($"{account.Id}: offices {string.Join(", ", account.Offices)}{(account.IsAdmin ? ", admin" : "")}");
        return 0;
    }
}
