using VssBot.Core.Engine;

namespace VssBot.Core.Staff;

/// <summary>The conversations handed to people, and staff's private notes on them.</summary>
public interface IHandoffStore
{
    /// <summary>Conversations waiting for staff or with staff now.</summary>
    IReadOnlyList<Conversation> HandedOff();

    IReadOnlyList<StaffNote> Notes(string conversationId);

    Task AddNoteAsync(StaffNote note);
}
