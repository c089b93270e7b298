namespace VssBot.Core.Staff;

/// <summary>A support-staff member of one or more offices; admins see every office. The
/// user type of ASP.NET Core Identity in the host (password, lock-out, security stamp,
/// authenticator key are Identity's, kept here so that one document holds the account).</summary>
public sealed class StaffAccount
{
    /// <summary>The login name, lower case.</summary>
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";

    /// <summary>ASP.NET Core Identity's password hash (PBKDF2, salted, versioned).</summary>
    public string PasswordHash { get; set; } = "";
    public List<string> Offices { get; set; } = [];
    public bool IsAdmin { get; set; }

    /// <summary>Failed sign-ins in a row (Identity's access-failed count).</summary>
    public int FailedLogins { get; set; }

    /// <summary>Identity's lock-out end.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>Changes whenever the password, the offices or the lock change: every
    /// session signed in with an older stamp ends at its next request.</summary>
    public string SecurityStamp { get; set; } = "";

    /// <summary>Changes on every write; a write based on an older copy is refused.</summary>
    public string ConcurrencyStamp { get; set; } = "";
    public bool TwoFactorEnabled { get; set; }

    /// <summary>The authenticator app's shared secret (base 32), once enrolment began.</summary>
    public string? AuthenticatorKey { get; set; }

    /// <summary>The staff member's Telegram user id, linked by an admin: only then do they
    /// act in the staff group, and only for their offices.</summary>
    public long? TelegramUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A unit coordinator's unit: the account sees that unit (and its sub-units) only,
    /// never the public's conversations or other dossiers.</summary>
    public string? Unit { get; set; }

    public bool Serves(string? officeId) => Unit is null && (IsAdmin || (officeId is not null && Offices.Contains(officeId)));
}
