using VssBot.Core.Conversations;
using VssBot.Core.Staff;

namespace VssBot.Core.Migration;

/// <summary>What a store holds beyond what its other interfaces list, read out whole for a
/// move to another store (`data migrate`). Each item is read when enumerated.</summary>
public interface IStoreExport
{
    IEnumerable<string> ConversationIds();

    /// <summary>Every stored photo's key (photo bytes are read one at a time with Photo(key)).</summary>
    IEnumerable<string> PhotoKeys();

    IEnumerable<ChannelLink> Links();

    /// <summary>Channel updates, handled or not (the handled ones keep duplicates out).</summary>
    IEnumerable<ChannelUpdate> Updates();

    /// <summary>Messages not yet delivered.</summary>
    IEnumerable<OutboxMessage> Outbox();

    IEnumerable<ChannelRecord> Records();

    IEnumerable<StaffNote> Notes();

    IEnumerable<KeyValuePair<string, string>> Secrets();

    IEnumerable<(string Id, string Version, string Text)> DialogVersions();
}
