namespace VssBot.Core.Backups;

/// <summary>How much room the store takes (the LiteDB file, or the PostgreSQL database).</summary>
public interface IStoreSize
{
    long SizeOnDisk { get; }
}
