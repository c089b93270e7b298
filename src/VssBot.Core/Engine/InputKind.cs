namespace VssBot.Core.Engine;

public enum InputKind
{
    Text,
    Photo,

    /// <summary>A file the channel refused (not an image, too large): the reason is in Text.</summary>
    RejectedFile,
}
