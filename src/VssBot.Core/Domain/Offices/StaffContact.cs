namespace VssBot.Core.Domain.Offices;

/// <summary>A person citizens may call for help (name, role, phone, whether on Zalo).</summary>
public sealed record StaffContact(string Name, string? Role, string Phone, bool Zalo);
