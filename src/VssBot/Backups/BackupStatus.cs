namespace VssBot.Backups;

/// <summary>What the last backup did, for the system page and /readyz.</summary>
public sealed class BackupStatus
{
    public DateTimeOffset? LastAt { get; private set; }
    public long LastBytes { get; private set; }
    public string? LastFile { get; private set; }
    public DateTimeOffset? FailedAt { get; private set; }
    public string? Failure { get; private set; }

    /// <summary>The last attempt failed (a success since clears it).</summary>
    public bool Failing => FailedAt is { } failed && (LastAt is null || failed > LastAt);

    public void Succeeded(DateTimeOffset at, string file, long bytes) => (LastAt, LastFile, LastBytes) = (at, file, bytes);

    public void Failed(DateTimeOffset at, string reason) => (FailedAt, Failure) = (at, reason);
}
