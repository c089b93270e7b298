using VssBot.Core.Dialogs;

namespace VssBot.Documents;

/// <summary>Form 01's words and fields (dialogs/form01.yaml), checked at start-up.</summary>
public sealed class Form01Words
{
    public string Form { get; set; } = "";
    public string Country { get; set; } = "";
    public string Motto { get; set; } = "";
    public string Title { get; set; } = "";
    public string Subtitle { get; set; } = "";
    public string To { get; set; } = "";
    public string Reference { get; set; } = "";
    public List<Field> Fields { get; set; } = [];
    public string Declaration { get; set; } = "";

    [YamlDotNet.Serialization.YamlMember(Alias = "place_date", ApplyNamingConventions = false)]
    public string PlaceDate { get; set; } = "";
    public string Signer { get; set; } = "";

    [YamlDotNet.Serialization.YamlMember(Alias = "signer_child", ApplyNamingConventions = false)]
    public string SignerChild { get; set; } = "";

    [YamlDotNet.Serialization.YamlMember(Alias = "sign_hint", ApplyNamingConventions = false)]
    public string SignHint { get; set; } = "";

    public sealed class Field
    {
        public string Label { get; set; } = "";

        /// <summary>What fills it on an adult's dossier: a step id, or "address".</summary>
        public string? Adult { get; set; }

        /// <summary>What fills it on a child's dossier: a step id, "c_address", "guardian_name" or "guardian_phone".</summary>
        public string? Child { get; set; }
    }

    public static Form01Words Load(string path)
    {
        var words = YamlFile.Read<Form01Words>(path, "form01.yaml");
        if (words.Title.Length == 0 || words.Fields.Count == 0 || words.Signer.Length == 0)
        {
            throw new DialogFileException("form01.yaml", null, "'title', 'fields' and 'signer' are required");
        }

        return words;
    }
}
