using System.Runtime.InteropServices;

namespace VssBot.Storage;

/// <summary>fsync of a folder, so that a file just created in it is found after a power
/// loss (POSIX). .NET opens no handle on a folder; elsewhere than Linux and macOS this is a
/// no-op (NTFS journals its folders).</summary>
internal static partial class DirectorySync
{
    public static void Sync(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var fd = Open(directory, 0); // O_RDONLY
        if (fd < 0)
        {
            throw new IOException($"cannot open the folder {directory} to sync it (errno {Marshal.GetLastPInvokeError()})");
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync of the folder {directory} failed (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>fdatasync where there is one: the data, and the size only if it changed.</summary>
    public static void DataSync(Microsoft.Win32.SafeHandles.SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux())
        {
            RandomAccess.FlushToDisk(handle);
            return;
        }

        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            if (FdataSync((int)handle.DangerousGetHandle()) != 0)
            {
                throw new IOException($"fdatasync failed (errno {Marshal.GetLastPInvokeError()})");
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "fdatasync", SetLastError = true)]
    private static partial int FdataSync(int fd);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
