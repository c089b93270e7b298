namespace VssBot.Core.Staff;

/// <summary>What a channel needs to know of staff: who a linked chat user is, and the
/// audit log every staff action goes to.</summary>
public interface IStaffDirectory : IAuditLog
{
    /// <summary>The staff account linked to this Telegram user id, if any.</summary>
    StaffAccount? FindStaffByTelegram(long telegramUserId);
}
