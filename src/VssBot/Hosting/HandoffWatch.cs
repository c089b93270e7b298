using VssBot.Core.Conversations;
using VssBot.Core.Domain.Offices;
using VssBot.Core.Engine;
using VssBot.Storage;

namespace VssBot.Hosting;

/// <summary>Tells people waiting for a person when nobody will come soon: outside their
/// office's hours, or when nobody claimed them within Handoff:ClaimTimeoutMinutes. They
/// stay in the queue for when staff log in.</summary>
public sealed class HandoffWatch(VssBot.Core.Staff.IHandoffStore store, ConversationService conversations, DialogContent content, HandoffOptions options, TimeProvider clock, ILogger<HandoffWatch> logger) : BackgroundService
{
    private long _rounds;

    /// <summary>Rounds of checks done so far (tests wait for the next one instead of sleeping).</summary>
    public long Rounds => Interlocked.Read(ref _rounds);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var timeout = TimeSpan.FromMinutes(options.ClaimTimeoutMinutes);
        var every = TimeSpan.FromSeconds(options.CheckSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = clock.GetUtcNow();
                foreach (var c in store.HandedOff().Where(c => c.Handoff is { State: HandoffState.Waiting, NobodyNoticeAt: null }))
                {
                    var office = c.Handoff!.OfficeId is { } id ? content.Offices.Find(id) : null;
                    if (now - c.Handoff.RequestedAt >= timeout || !OfficeHours.IsOpen(office?.Open, now))
                    {
                        await conversations.StaffAsync(c.Id, StaffAction.NobodyAvailable, "system", "VssBot");
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A conversation changed meanwhile (claimed, left): the next round sees it as it is.
                logger.LogWarning(e, "Handoff watch failed this round");
            }

            Interlocked.Increment(ref _rounds);
            await Task.Delay(every, clock, stoppingToken);
        }
    }
}
