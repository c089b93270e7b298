namespace VssBot.Core.Retention;

/// <summary>What one retention sweep deleted.</summary>
public sealed record RetentionSweep(int DossierPhotosDeleted, int ConversationsDeleted);
