namespace VssBot.Channels.Zalo;

/// <summary>The Zalo Official Account channel's name and how its ids are kept.</summary>
public static class ZaloChannel
{
    public const string Name = "zalo";

    /// <summary>The chat link of a Zalo user (their id as the OA sees it, a string: it exceeds 2^53).</summary>
    public static string LinkId(string userId) => $"{Name}:{userId}";

    /// <summary>Key of the stored token pair in the secret store.</summary>
    public const string TokenKey = "zalo:tokens";
}
