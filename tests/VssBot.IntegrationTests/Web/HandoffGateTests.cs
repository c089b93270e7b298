using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VssBot.Core.Engine;
using VssBot.Core.Staff;
using VssBot.Web;

namespace VssBot.IntegrationTests.Web;

/// <summary>
/// The handoff gate is asked inside a turn, under the conversation's lock: it answers from
/// memory and reads the store only in the background, counting what it lets in meanwhile.
/// Counted: the store's reads.
/// </summary>
public sealed class HandoffGateTests
{
    private sealed class Queues : IHandoffStore
    {
        public List<Conversation> Waiting { get; } = [];

        public int Reads;

        public IReadOnlyList<Conversation> HandedOff()
        {
            Interlocked.Increment(ref Reads);
            return [.. Waiting];
        }

        public IReadOnlyList<StaffNote> Notes(string conversationId) => [];

        public Task AddNoteAsync(StaffNote note) => Task.CompletedTask;
    }

    private static Conversation WaitingAt(string office) =>
        new() { Id = Guid.NewGuid().ToString("N"), Handoff = new Handoff { State = HandoffState.Waiting, OfficeId = office } };

    [Fact]
    public void TheGateAnswersFromMemoryAndReadsTheStoreOnlyInTheBackground()
    {
        var store = new Queues();
        store.Waiting.Add(WaitingAt("hn"));
        var clock = new FakeTimeProvider();
        using var gate = new HandoffGate(new RateLimitOptions { MaxWaitingPerOffice = 3, HandoffsPerHour = 100 }, store, clock, NullLogger<HandoffGate>.Instance);
        Assert.Equal(1, store.Reads);

        // One waits already: two more get in, the fourth is refused; another office is not.
        Assert.True(gate.TryQueue("hn", "10.0.0.1"));
        Assert.True(gate.TryQueue("hn", "10.0.0.2"));
        Assert.False(gate.TryQueue("hn", "10.0.0.3"));
        Assert.True(gate.TryQueue("hcm", "10.0.0.3"));
        Assert.Equal(1, store.Reads); // no read in a turn

        // The store says two of them were taken by staff meanwhile (or never committed): read again in the background.
        clock.Advance(HandoffGate.Refresh);
        Assert.Equal(2, store.Reads);
        Assert.True(gate.TryQueue("hn", "10.0.0.4"));
    }
}
