namespace VssBot.Core.Engine;

/// <summary>A staff member's decision on a dossier, carried to the citizen: approved,
/// rejected with a reason, or changes requested for some steps (<see cref="Redo"/>).</summary>
public sealed record DossierDecision(VssBot.Core.Domain.Dossiers.DossierStatus Status, string? Reason, IReadOnlyList<string> Redo);
