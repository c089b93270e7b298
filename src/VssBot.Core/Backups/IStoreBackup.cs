namespace VssBot.Core.Backups;

/// <summary>A consistent, encrypted copy of the embedded store, taken while it runs.</summary>
public interface IStoreBackup
{
    /// <summary>Writes the copy to <paramref name="file"/>; its size in bytes.</summary>
    Task<long> BackupAsync(string file);
}
