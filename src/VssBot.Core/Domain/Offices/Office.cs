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
    /// <summary>The office's former name (before the 2025 reform), still understood.</summary>
    public string? Formerly { get; init; }

    /// <summary>The districts (before 2025) the office served, as written in offices.yaml.</summary>
    public IReadOnlyList<string> Serves { get; init; } = [];

    /// <summary>Today's wards of those districts (codes), from the legacy data.</summary>
    public IReadOnlySet<string> Wards { get; init; } = new HashSet<string>();

    /// <summary>"[03102] BHXH Quận Ngô Quyền", the way the VssID app shows it.</summary>
    public string Title => Code is null ? Name : $"[{Code}] {Name}";
}
