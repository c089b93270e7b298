namespace VssBot.Core.Domain.Dossiers;

/// <summary>An earlier submission of a dossier, kept when the citizen resubmits after a
/// request for changes, so that staff see what changed.</summary>
public sealed class DossierVersion
{
    public int Version { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public List<DossierField> Fields { get; set; } = [];

    /// <summary>What staff asked to redo, and why.</summary>
    public List<string> Redo { get; set; } = [];
    public string? Reason { get; set; }
}
