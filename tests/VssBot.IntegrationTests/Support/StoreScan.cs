using System.IO.Compression;
using System.Text;
using LiteDB;

namespace VssBot.IntegrationTests.Support;

/// <summary>Reads every document of every collection of a (closed) LiteDB file as text,
/// packed fields inflated, so that a test can look for a person's data anywhere.</summary>
public static class StoreScan
{
    public static IReadOnlyList<(string Collection, string Text)> All(string dataDirectory)
    {
        var key = File.ReadAllText(Path.Combine(dataDirectory, "development.key")).Trim();
        using var db = new LiteDatabase(new ConnectionString { Filename = Path.Combine(dataDirectory, "vssbot.db"), Password = key, Connection = ConnectionType.Direct });
        var found = new List<(string, string)>();
        foreach (var name in db.GetCollectionNames().Where(n => !n.StartsWith("photo_chunks")))
        {
            foreach (var document in db.GetCollection(name).FindAll())
            {
                found.Add((name, Text(document)));
            }
        }

        return found;
    }

    private static string Text(BsonValue value) => value switch
    {
        { IsDocument: true } => string.Join(" ", value.AsDocument.Select(p => p.Key + "=" + Text(p.Value))),
        { IsArray: true } => string.Join(" ", value.AsArray.Select(Text)),
        { IsBinary: true } => Inflate(value.AsBinary),
        _ => value.ToString(),
    };

    private static string Inflate(byte[] bytes)
    {
        try
        {
            using var deflate = new DeflateStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var reader = new StreamReader(deflate, Encoding.UTF8);
            return reader.ReadToEnd();
        }
        catch (InvalidDataException)
        {
            return Encoding.UTF8.GetString(bytes);
        }
    }
}
