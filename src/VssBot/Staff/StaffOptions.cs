using System.ComponentModel.DataAnnotations;

namespace VssBot.Staff;

/// <summary>Configuration section "Staff".</summary>
public sealed class StaffOptions
{
    public const string Section = "Staff";
    public const int MinPasswordLength = 10;

    /// <summary>"Always", "SameAsRequest", or empty: Secure cookies everywhere but in
    /// Development. Behind a proxy that ends TLS keep the default (or "Always").</summary>
    [RegularExpression("^(|Always|SameAsRequest)$", ErrorMessage = "Staff:SecureCookies must be Always, SameAsRequest or empty")]
    public string SecureCookies { get; set; } = "";

    /// <summary>A session ends this long after sign-in, however busy.</summary>
    [Range(0.1, 168, ErrorMessage = "Staff:SessionHours must be between {1} and {2}")]
    public double SessionHours { get; set; } = 8;
}
