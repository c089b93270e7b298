using LiteDB;
using VssBot.Core.Backups;

namespace VssBot.Storage;

// Backups: LiteDB's own checkpoint, then a copy of the file, on the writer between two
// transactions, so no turn is half in the copy and none waits longer than the copy takes.
// The file is encrypted with Storage:Password, and so is every copy.
public sealed partial class LiteDbStore : IStoreBackup, IStoreSize
{
    public long SizeOnDisk => new FileInfo(Path).Length + (File.Exists(LogPath) ? new FileInfo(LogPath).Length : 0)
        + TurnJournal.Slots(System.IO.Path.GetDirectoryName(Path)!).Sum(f => new FileInfo(f).Length);

    private string LogPath => System.IO.Path.ChangeExtension(Path, null) + "-log.db";

    public async Task<long> BackupAsync(string file)
    {
        var partial = file + ".partial";
        File.Delete(partial);
        await _committer.Exclusive(db =>
        {
            db.Checkpoint();
            PrivateFiles.Copy(Path, partial);
        });
        File.Move(partial, file, overwrite: true);

        // Beside it, its SHA-256 in sha256sum's format: a truncated or damaged copy is told
        // from a whole one (`sha256sum -c` checks it too).
        await using (var stream = File.OpenRead(file))
        {
            var hash = Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(stream));
            File.Delete(ChecksumOf(file));
            PrivateFiles.Write(ChecksumOf(file), System.Text.Encoding.ASCII.GetBytes($"{hash}  {System.IO.Path.GetFileName(file)}\n"));
        }

        return new FileInfo(file).Length;
    }

    public static string ChecksumOf(string file) => file + ".sha256";

    /// <summary>Opens a copy (never the file itself) and reads every document of every
    /// collection: what it holds, by collection. Throws when the key is wrong or a page is bad.</summary>
    public static IReadOnlyList<(string Collection, int Count)> Verify(string file, string password)
    {
        var checksum = ChecksumOf(file);
        if (!File.Exists(checksum))
        {
            throw new InvalidOperationException($"no {System.IO.Path.GetFileName(checksum)} beside it: whether the copy is whole cannot be told");
        }

        using (var stream = File.OpenRead(file))
        {
            var expected = File.ReadAllText(checksum).Split(' ', 2)[0].Trim();
            if (!string.Equals(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream)), expected, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("its SHA-256 differs from the one written with it: the copy is damaged or cut short");
            }
        }

        var scratch = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vssbot-verify-" + Guid.NewGuid().ToString("N") + ".db");
        PrivateFiles.Copy(file, scratch);
        try
        {
            using var db = new LiteDatabase(new ConnectionString { Filename = scratch, Connection = ConnectionType.Direct, Password = password });
            return [.. db.GetCollectionNames().Order().Select(name => (name, db.GetCollection(name).FindAll().Count()))];
        }
        finally
        {
            File.Delete(scratch);
            var log = System.IO.Path.ChangeExtension(scratch, null) + "-log.db";
            if (File.Exists(log))
            {
                File.Delete(log);
            }
        }
    }
}
