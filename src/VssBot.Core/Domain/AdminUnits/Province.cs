namespace VssBot.Core.Domain.AdminUnits;

/// <summary>A province or centrally governed city, after the 2025 reform.</summary>
public sealed record Province(string Code, string Name, string FullName, IReadOnlyList<Ward> Wards);
