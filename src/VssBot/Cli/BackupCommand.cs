using VssBot.Storage;

namespace VssBot.Cli;

/// <summary>
/// `data verify FILE`: opens a backup with the key (a copy of it) and reads every document,
/// printing what it holds. `data restore FILE`, with the server stopped: the same check, then
/// the current database is kept aside (vssbot.db.before-restore-…) and the copy put in place.
/// A file that does not open with the key, or has a bad page, is refused and nothing changes.
/// </summary>
public static class BackupCommand
{
    public static int Run(string[] words, StoreOptions options, TextWriter output)
    {
        if (words is not ["data", "verify" or "restore", var file])
        {
            output.WriteLine("usage: data verify FILE | data restore FILE");
            return 2;
        }

        if (!File.Exists(file))
        {
            output.WriteLine($"data {words[1]}: no file {file}");
            return 1;
        }

        try
        {
            foreach (var (collection, count) in LiteDbStore.Verify(file, options.Password!))
            {
                output.WriteLine($"{collection,-20} {count,8}");
            }
        }
        catch (Exception e) when (e is LiteDB.LiteException or IOException or InvalidOperationException or System.Security.Cryptography.CryptographicException or ArgumentException or IndexOutOfRangeException)
        {
            output.WriteLine($"data {words[1]}: {file} is not a readable backup with this key ({e.Message}); nothing was changed");
            return 1;
        }

        if (words[1] == "verify")
        {
            output.WriteLine($"data verify: {file} opens with the key and every document reads");
            return 0;
        }

        return Restore(file, options, output);
    }

    private static int Restore(string file, StoreOptions options, TextWriter output)
    {
        PrivateFiles.CreateDirectory(options.DataDirectory);
        var current = Path.Combine(options.DataDirectory, LiteDbStore.FileName);
        var log = Path.ChangeExtension(current, null) + "-log.db";
        if (File.Exists(current))
        {
            try
            {
                // A running server holds the file: restore only with it stopped.
                using var probe = new FileStream(current, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                output.WriteLine("data restore: the database is in use; stop the server first");
                return 1;
            }

            var aside = $"{current}.before-restore-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}";
            File.Move(current, aside);
            if (File.Exists(log))
            {
                File.Move(log, aside + "-log");
            }

            // Turns a stopped server had journaled but not yet put into the file belong to
            // that file: replayed onto the copy they would mix two states.
            foreach (var journal in LiteDbStore.JournalFiles(options.DataDirectory))
            {
                File.Move(journal, $"{aside}-{Path.GetFileName(journal)}");
            }

            output.WriteLine($"data restore: the current database is kept as {aside}");
        }

        PrivateFiles.Copy(file, current);
        output.WriteLine($"data restore: {file} is now {current}");
        return 0;
    }
}
