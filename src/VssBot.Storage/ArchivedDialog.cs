namespace VssBot.Storage;

/// <summary>The text of a dialog file as it was at one version, for conversations that
/// started on it.</summary>
public sealed class ArchivedDialog
{
    public string Id { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset SeenAt { get; set; }
}
