using VssBot.Core.Staff;

namespace VssBot.Core.Domain.Dossiers;

/// <summary>Dossiers as staff and lists read them.</summary>
public interface IDossierStore
{
    Dossier? FindDossier(string id);

    IReadOnlyList<Dossier> AllDossiers();

    /// <summary>The dossiers of one conversation.</summary>
    IReadOnlyList<Dossier> DossiersOf(string conversationId);

    /// <summary>The dossiers of the staff member's offices (none for a unit's coordinator).</summary>
    IReadOnlyList<Dossier> DossiersFor(StaffAccount staff);
}
