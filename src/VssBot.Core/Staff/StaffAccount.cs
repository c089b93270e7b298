namespace VssBot.Core.Staff;

/// <summary>A support-staff member of one or more offices; admins see every office.</summary>
public sealed class StaffAccount
{
    /// <summary>The login name, lower case.</summary>
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";

    /// <summary>ASP.NET Core Identity's password hash (PBKDF2, salted, versioned).</summary>
    public string PasswordHash { get; set; } = "";
    public List<string> Offices { get; set; } = [];
    public bool IsAdmin { get; set; }
    public int FailedLogins { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public bool Serves(string? officeId) => IsAdmin || (officeId is not null && Offices.Contains(officeId));
}
