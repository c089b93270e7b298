namespace VssBot.Core.Domain.Dossiers;

public sealed class DossierField
{
    public string StepId { get; set; } = "";
    public string Label { get; set; } = "";
    public string Display { get; set; } = "";
}
