using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VssBot.Core.Conversations;

namespace VssBot.Channels.Zalo;

/// <summary>Runs the channel when Zalo:AppId and a token are set: the recorded events chat by
/// chat (the shared dispatcher), and the outbox.</summary>
internal sealed class ZaloService(ZaloInbox inbox, IChannelStore store, ZaloConversations handler, ZaloSender sender, MessageLimiter flood, IConversationLock chatLocks,
    IOptions<ZaloOptions> options, TimeProvider clock, ILogger<ZaloService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            logger.LogInformation("Zalo: off (no Zalo:AppId or token)");
            return Task.CompletedTask;
        }

        var dispatcher = new ChannelDispatcher(ZaloChannel.Name, inbox.Shared, store, handler.HandleAsync, TimeSpan.Zero, flood, chatLocks, clock, logger);
        return Task.WhenAll(dispatcher.RunAsync(stoppingToken), sender.RunAsync(stoppingToken));
    }
}

/// <summary>/healthz: degraded while the Zalo token could not be refreshed (messages wait).</summary>
internal sealed class ZaloHealthCheck(ZaloTokens tokens, IOptions<ZaloOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(options.Value.Enabled && tokens.Degraded
            ? HealthCheckResult.Degraded("Zalo token refresh failed: Zalo messages wait; re-authorise and run `zalo token set`")
            : HealthCheckResult.Healthy());
}
