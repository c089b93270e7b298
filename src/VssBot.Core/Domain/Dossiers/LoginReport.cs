namespace VssBot.Core.Domain.Dossiers;

/// <summary>A person's answer that they installed VssID and logged in, for one dossier.</summary>
public sealed record LoginReport(string DossierId, DateTimeOffset At);
