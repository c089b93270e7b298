namespace VssBot.Core.Domain.AdminUnits;

/// <summary>A ward, commune or special zone: the second and last level since 2025.</summary>
public sealed record Ward(string Code, string Name, string FullName, string ProvinceCode);
