using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace VssBot.Core.Dialogs;

/// <summary>Reads the YAML files under dialogs/, turning a syntax error into a
/// <see cref="DialogFileException"/> that names the file and the line.</summary>
public static class YamlFile
{
    private static readonly IDeserializer CamelCase = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static T Parse<T>(string fileName, string text)
    {
        try
        {
            return CamelCase.Deserialize<T>(text) ?? throw new DialogFileException(fileName, null, "the file is empty");
        }
        catch (YamlException e)
        {
            throw new DialogFileException(fileName, null, $"not valid YAML at line {e.Start.Line}: {e.InnerException?.Message ?? e.Message}");
        }
    }

    public static T Read<T>(string path, string? fileName = null)
    {
        fileName ??= Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new DialogFileException(fileName, null, "the file is missing");
        }

        return Parse<T>(fileName, File.ReadAllText(path));
    }
}
