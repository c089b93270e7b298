namespace VssBot.Core.Staff;

/// <summary>Who did what to which conversation, dossier or account, when (ids only, never personal data).</summary>
public interface IAuditLog
{
    Task AuditAsync(string staff, string action, string subject, DateTimeOffset at);

    IReadOnlyList<AuditEntry> AuditLog();
}
