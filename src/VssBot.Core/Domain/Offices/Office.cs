namespace VssBot.Core.Domain.Offices;

/// <summary>A social-insurance office that receives dossiers, with its hotline staff.</summary>
public sealed record Office(
    string Id,
    string? Code,
    string Name,
    string ProvinceCode,
    string? Phone,
    string? Address,
    string? Hours,
    IReadOnlyList<StaffContact> Staff,
    string? Open = null,
    bool RequireTwoFactor = false)
{
    /// <summary>"[03102] BHXH Quận Ngô Quyền", the way the VssID app shows it.</summary>
    public string Title => Code is null ? Name : $"[{Code}] {Name}";
}
