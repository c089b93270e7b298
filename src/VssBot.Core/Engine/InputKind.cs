namespace VssBot.Core.Engine;

public enum InputKind
{
    Text,
    Photo,

    /// <summary>A phone number shared as a contact; <see cref="Input.Verified"/> when the
    /// channel vouches that it is the sender's own (a messenger's share-my-number button).</summary>
    Contact,

    /// <summary>A file the channel refused (not an image, too large): the reason is in Text.</summary>
    RejectedFile,
}
