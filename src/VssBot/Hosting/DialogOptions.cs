using System.ComponentModel.DataAnnotations;

namespace VssBot.Hosting;

/// <summary>Configuration section "Dialogs".</summary>
public sealed class DialogOptions
{
    public const string Section = "Dialogs";

    /// <summary>The folder of flows and content, relative to the content root.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Dialogs:Directory is required")]
    public string Directory { get; set; } = "dialogs";
}
