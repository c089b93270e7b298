namespace VssBot.Core.Domain.Dossiers;

/// <summary>Where a dossier stands (stored as these strings).</summary>
public static class DossierStatus
{
    public const string Submitted = "submitted";
    public const string Approved = "approved";
    public const string Rejected = "rejected";

    /// <summary>Staff asked for some answers or photos again; the citizen is redoing them.</summary>
    public const string ChangesRequested = "changes";

    public static bool IsDecided(string status) => status is Approved or Rejected;
}
