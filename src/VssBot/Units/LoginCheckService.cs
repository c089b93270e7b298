using Microsoft.Extensions.Options;
using VssBot.Core.Conversations;
using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Domain.Units;
using VssBot.Storage;

namespace VssBot.Units;

/// <summary>
/// Some days after a dossier is approved (Units:LoginCheckDays), the bot asks the person
/// whether they could install VssID and log in; "yes" counts on the unit's progress. Looks
/// every Units:CheckMinutes, on the host's <see cref="TimeProvider"/>.
/// </summary>
public sealed class LoginCheckService(VssBot.Core.Domain.Dossiers.IDossierStore store, ConversationService conversations, IOptions<UnitOptions> options,
    TimeProvider clock, ILogger<LoginCheckService> logger) : BackgroundService
{
    /// <summary>Asks every person whose approval is old enough and who was not asked yet; returns how many.</summary>
    public async Task<int> RunOnceAsync()
    {
        var due = clock.GetUtcNow() - TimeSpan.FromDays(options.Value.LoginCheckDays);
        var asked = 0;
        foreach (var dossier in store.AllDossiers().Where(d => d.Status == DossierStatus.Approved && d.DialogId != UnitProgress.ChildDialog
                     && d.LoginAskedAt is null && d.DecidedAt <= due))
        {
            asked += await conversations.AskLoginAsync(dossier.Id) ? 1 : 0;
        }

        return asked;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.CheckMinutes), clock);
        do
        {
            try
            {
                var asked = await RunOnceAsync();
                if (asked > 0)
                {
                    logger.LogInformation("Asked {Count} people whether they could log in", asked);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Login question round failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
