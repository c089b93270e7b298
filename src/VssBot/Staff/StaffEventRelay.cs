using VssBot.Core.Conversations;
using VssBot.Storage;
using VssBot.Storage.Postgres;

namespace VssBot.Staff;

/// <summary>
/// With several instances on PostgreSQL, a staff member's live page may be served by another
/// instance than the citizen's turn: every turn that touches a handoff is announced with
/// NOTIFY (conversation and office ids only), and each instance passes what the others
/// announced to its own open pages. When this instance's listening was lost, what was announced
/// meanwhile is caught up from the store: every conversation waiting for or with staff is
/// announced again to the open pages here. A page that reconnects loads the whole queue anyway.
/// </summary>
public sealed class StaffEventRelay(StaffEvents events, StoreOptions store,
    IServiceProvider services, ILogger<StaffEventRelay> logger) : BackgroundService, ITurnHook
{
    private volatile PostgresNotifications? _notifications;

    private const string Channel = "vssbot_staff_events";
    private readonly string _instance = Guid.NewGuid().ToString("N")[..12];

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (store.Provider != StoreOptions.PostgreSql)
        {
            return Task.CompletedTask;
        }

        var notifications = services.GetRequiredService<PostgresNotifications>();
        _notifications = notifications;
        return notifications.ListenAsync(Channel, payload =>
        {
            var parts = payload.Split('|');
            if (parts.Length == 3 && parts[0] != _instance)
            {
                events.Publish(parts[1], parts[2].Length == 0 ? null : parts[2]);
            }
        }, stoppingToken, again =>
        {
            if (again)
            {
                CatchUp();
            }
        });
    }

    /// <summary>A committed turn that touched a handoff is announced to the other instances (PostgreSQL only).</summary>
    public void AfterCommit(VssBot.Core.Engine.TurnResult turn)
    {
        if (_notifications is { } notifications && (turn.Conversation.Handoff is not null || turn.HandoffChanged))
        {
            _ = AnnounceAsync(notifications, $"{_instance}|{turn.Conversation.Id}|{turn.HandoffOffice}");
        }
    }

    private void CatchUp()
    {
        var waiting = services.GetRequiredService<VssBot.Core.Staff.IHandoffStore>().HandedOff();
        foreach (var conversation in waiting)
        {
            events.Publish(conversation.Id, conversation.Handoff?.OfficeId);
        }

        logger.LogInformation("Staff events: listening again; caught up {Count} handed-off conversations", waiting.Count);
    }

    private async Task AnnounceAsync(PostgresNotifications notifications, string payload)
    {
        try
        {
            await notifications.NotifyAsync(Channel, payload);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not announce a staff event to the other instances");
        }
    }
}
