using System.Buffers;
using System.Security.Cryptography;
using Microsoft.Win32.SafeHandles;

namespace VssBot.Storage;

/// <summary>
/// One LiteDB file (the data file or its log) encrypted page by page in exactly the format
/// of LiteDB's own password mode (<c>LiteDB.Engine.AesStream</c>): a first page holding a
/// marker byte, the salt and an encrypted check block, then every page AES-256-ECB with a
/// key derived from the password (PBKDF2-SHA1, 1,000 rounds). Files written by either open
/// with the other. What differs: one AES call per page instead of a CryptoStream, and
/// writes reach the disk (fsync) when the store says so — LiteDB's own encrypted stream
/// never asks the disk to keep anything.
/// </summary>
internal sealed class PageCipherStream : Stream
{
    private const int Header = 8192;
    private const int CheckOffset = 32;
    private const int CheckLength = 32;

    private readonly FileStream _file;
    private readonly SafeFileHandle _handle;
    private readonly Aes _aes;
    private readonly ICryptoTransform _encryptor = null!;
    private readonly ICryptoTransform _decryptor = null!;
    private readonly byte[] _blank = new byte[16]; // what a block of zeros on disk decrypts to
    private readonly bool _syncOnFlush;
    private readonly IDiskFaults? _faults;
    private readonly string _path;
    private long _position;
    private int _disposed;

    /// <param name="syncOnFlush">When LiteDB flushes, fsync (the data file: checkpoints
    /// only). The log is made durable by <see cref="Sync"/>, once a group commit.</param>
    public PageCipherStream(string path, string password, bool syncOnFlush, IDiskFaults? faults = null)
    {
        _syncOnFlush = syncOnFlush;
        _faults = faults;
        _path = path;
        // Shared for reading like LiteDB's own writer, so that `data restore` sees it in use.
        _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0, FileOptions.RandomAccess);
        _handle = _file.SafeFileHandle;
        try
        {
            var fresh = _file.Length < Header;
            var salt = new byte[16];
            if (fresh)
            {
                RandomNumberGenerator.Fill(salt);
                RandomAccess.Write(_handle, [(byte)1, .. salt], 0);
            }
            else
            {
                var first = new byte[17];
                RandomAccess.Read(_handle, first, 0);
                if (first[0] != 1)
                {
                    throw new LiteDB.LiteException(0, "File is not encrypted.");
                }

                first.AsSpan(1).CopyTo(salt);
            }

            var derived = Rfc2898DeriveBytes.Pbkdf2(password, salt, 1000, HashAlgorithmName.SHA1, 48);
            _aes = Aes.Create();
            _aes.Key = derived[..32];
            _aes.Mode = CipherMode.ECB;
            _aes.Padding = PaddingMode.None;
            // One transform each way, kept: LiteDB calls a stream under its lock, one call at a time.
            _encryptor = _aes.CreateEncryptor();
            _decryptor = _aes.CreateDecryptor();
            _aes.DecryptEcb(new byte[16], _blank, PaddingMode.None);
            Check(fresh);
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    /// <summary>fsyncs this file (a group commit's log pages).</summary>
    public void Sync()
    {
        _faults?.Before(DiskOp.LiteDbSync, _path);
        _file.Flush(flushToDisk: true);
    }

    private void Check(bool fresh)
    {
        var check = new byte[CheckLength];
        RandomAccess.Read(_handle, check, CheckOffset);
        if (fresh || check.All(b => b == 0))
        {
            var ones = Enumerable.Repeat((byte)1, CheckLength).ToArray();
            RandomAccess.Write(_handle, _aes.EncryptEcb(ones, PaddingMode.None), CheckOffset);
            RandomAccess.Write(_handle, [(byte)0], Header - 1);
            Sync();
        }
        else if (_aes.DecryptEcb(check, PaddingMode.None).Any(b => b != 1))
        {
            throw new LiteDB.LiteException(0, "Invalid password");
        }
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = RandomAccess.Read(_handle, buffer.AsSpan(offset, count), _position + Header);
        var whole = read - read % 16;
        _decryptor.TransformBlock(buffer, offset, whole, buffer, offset);
        var page = buffer.AsSpan(offset, whole);
        if (whole >= 16 && page[..16].SequenceEqual(_blank))
        {
            page.Clear(); // never written (a sparse region): zeros, as LiteDB expects
        }

        _position += read;
        return read;
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        if (count % 16 != 0)
        {
            throw new ArgumentException("LiteDB writes whole pages", nameof(count));
        }

        var cipher = ArrayPool<byte>.Shared.Rent(count);
        try
        {
            var written = _encryptor.TransformBlock(buffer, offset, count, cipher, 0);
            _faults?.Before(DiskOp.LiteDbWrite, _path);
            RandomAccess.Write(_handle, cipher.AsSpan(0, written), _position + Header);
            _position += count;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(cipher);
        }
    }

    public override void Flush()
    {
        if (_syncOnFlush)
        {
            Sync();
        }
    }

    public override long Seek(long offset, SeekOrigin origin) => _position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => Length + offset,
    };

    public override void SetLength(long value) => _file.SetLength(value + Header);

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => true;
    public override long Length => Math.Max(0, _file.Length - Header);

    public override long Position
    {
        get => _position;
        set => _position = value;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _encryptor?.Dispose();
            _decryptor?.Dispose();
            _aes?.Dispose();
            _file.Dispose();
        }

        base.Dispose(disposing);
    }
}
