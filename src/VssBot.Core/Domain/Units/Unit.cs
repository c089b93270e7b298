namespace VssBot.Core.Domain.Units;

/// <summary>A school, company, department or class that runs a registration campaign for
/// its people, under one office. Invite links carry its <see cref="Token"/>.</summary>
public sealed class Unit
{
    /// <summary>The unit's code, chosen by the office ("THCS-CAU-GIAY", "PHONG-KE-TOAN").</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string OfficeId { get; set; } = "";

    /// <summary>The unit this one is part of (a class of a school), if any.</summary>
    public string? ParentCode { get; set; }

    /// <summary>People to register (staff, students, employees).</summary>
    public int Target { get; set; }

    /// <summary>For schools: children to enrol through their parents.</summary>
    public int ChildrenTarget { get; set; }

    public DateOnly? Deadline { get; set; }

    /// <summary>Random, unguessable: what the invite links carry (the web ?u=, a messenger deep link).</summary>
    public string Token { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public static string NewToken() =>
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).Replace('+', '-').Replace('/', '_');

    /// <summary>A code as the office types it: letters, digits, dot, dash, underscore; upper case.</summary>
    public static string? CleanCode(string? code)
    {
        var trimmed = code?.Trim().ToUpperInvariant() ?? "";
        return trimmed.Length is > 0 and <= 40 && trimmed.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.') ? trimmed : null;
    }
}
