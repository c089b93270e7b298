namespace VssBot.Core.Domain.Units;

/// <summary>Where units are kept.</summary>
public interface IUnitStore
{
    Unit? FindUnit(string code);

    /// <summary>The unit an invite link's token belongs to.</summary>
    Unit? FindUnitByToken(string token);

    /// <summary>Every unit, or an office's.</summary>
    IReadOnlyList<Unit> Units(string? officeId = null);

    Task SaveUnitAsync(Unit unit);

    /// <summary>The conversations opened through these units' links.</summary>
    IReadOnlyList<Engine.Conversation> ConversationsOfUnits(IReadOnlySet<string> units);

    /// <summary>Ticks a dossier's signed form 01 as received (once; a second tick keeps the first time).</summary>
    Task MarkForm01ReceivedAsync(string dossierId, DateTimeOffset at);

    /// <summary>The dossiers counted for these units.</summary>
    IReadOnlyList<Dossiers.Dossier> DossiersOfUnits(IReadOnlySet<string> units);
}
