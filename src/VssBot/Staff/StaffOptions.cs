namespace VssBot.Staff;

/// <summary>Configuration section "Staff".</summary>
public sealed class StaffOptions
{
    public const string Section = "Staff";
    public const int MinPasswordLength = 10;

    /// <summary>"Always", "SameAsRequest", or empty: Secure cookies everywhere but in
    /// Development. Behind a proxy that ends TLS keep the default (or "Always").</summary>
    public string SecureCookies { get; set; } = "";

    /// <summary>A session ends this long after sign-in, however busy.</summary>
    public double SessionHours { get; set; } = 8;
}
