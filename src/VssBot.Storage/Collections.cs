namespace VssBot.Storage;

internal static class Collections
{
    public const string Conversations = "conversations";
    public const string Transcript = "transcript";
    public const string Dossiers = "dossiers";
    public const string DialogVersions = "dialog_versions";
    public const string PhotoDocs = "photo_docs";
    public const string PhotoFiles = "photo_files";
    public const string PhotoChunks = "photo_chunks";
    public const string Updates = "channel_updates";
    public const string Outbox = "outbox";
    public const string Links = "channel_links";
    public const string Staff = "staff";
    public const string Audit = "audit";
    public const string Notes = "staff_notes";
    public const string Records = "channel_records";
    public const string Handoffs = "handoffs";
    public const string Units = "units";
    public const string Secrets = "secrets";
    public const string Journal = "journal"; // the salt of the turn journal's key, the last record LiteDB holds
}
