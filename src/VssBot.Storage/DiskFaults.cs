namespace VssBot.Storage;

/// <summary>What the store does to its disk, where a fault can be injected.</summary>
internal enum DiskOp
{
    /// <summary>A journal record written into its segment.</summary>
    JournalWrite,

    /// <summary>A journal segment synced (fdatasync).</summary>
    JournalSync,

    /// <summary>A page LiteDB writes (its log or its data file).</summary>
    LiteDbWrite,

    /// <summary>LiteDB's log or data file synced.</summary>
    LiteDbSync,
}

/// <summary>
/// The store's file layer, seen from the tests: before each write or sync, asked whether it
/// fails (throwing the IOException the kernel would give: ENOSPC, EIO, a failed fsync). Null in
/// production; a store opened by a fault test gets its own, so that no other store sees it.
/// </summary>
internal interface IDiskFaults
{
    void Before(DiskOp op, string path);
}
