namespace VssBot.Core.Domain.Dossiers;

/// <summary>The store refused a turn because its new dossier's reference belongs to
/// another conversation's dossier; the turn is run again with the next reference.</summary>
public sealed class DossierReferenceTakenException(string reference)
    : InvalidOperationException($"dossier reference {reference} is taken");
