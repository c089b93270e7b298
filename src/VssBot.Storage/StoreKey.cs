using System.Security.Cryptography;

namespace VssBot.Storage;

/// <summary>
/// Where the database key comes from: configuration or the environment. Outside the
/// Development environment there is no fallback; in Development a key is made once and
/// kept beside the database, so that `dotnet run` works on a fresh machine.
/// </summary>
public static class StoreKey
{
    public const string DevelopmentKeyFile = "development.key";

    public static string Resolve(StoreOptions options, bool isDevelopment)
    {
        if (!string.IsNullOrEmpty(options.Password))
        {
            if (!isDevelopment && !KeyStrength.IsStrong(options.Password))
            {
                throw new StoreKeyWeakException();
            }

            return options.Password;
        }

        if (!isDevelopment)
        {
            throw new StoreKeyMissingException();
        }

        Directory.CreateDirectory(options.DataDirectory);
        var path = Path.Combine(options.DataDirectory, DevelopmentKeyFile);
        if (!File.Exists(path))
        {
            // Mode 0600 from its creation, not set after the key was written.
            PrivateFiles.Write(path, System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        }

        return File.ReadAllText(path).Trim();
    }
}
