namespace VssBot.Core.Staff;

/// <summary>Staff accounts (Identity's user store sits on it).</summary>
public interface IStaffStore
{
    StaffAccount? FindStaff(string id);

    IReadOnlyList<StaffAccount> AllStaff();

    Task SaveStaffAsync(StaffAccount account);

    /// <summary>Saves with a new concurrency stamp only if the stored one is unchanged; false otherwise.</summary>
    Task<bool> SaveStaffIfUnchangedAsync(StaffAccount account, string newStamp);

    Task RemoveStaffAsync(string id);
}
