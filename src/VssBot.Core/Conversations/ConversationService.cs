using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Engine;
using VssBot.Core.Telemetry;

namespace VssBot.Core.Conversations;

/// <summary>
/// One turn end to end for any channel: lock the conversation, load it, run the
/// engine, commit, and only then hand back the replies.
/// </summary>
public sealed class ConversationService(DialogEngine engine, IConversationStore store, TimeProvider clock, IEnumerable<IReplyChannel> channels,
    IEnumerable<ITurnHook>? hooks = null, IConversationLock? conversationLock = null)
{
    private readonly IReadOnlyList<ITurnHook> _hooks = [.. hooks ?? []];

    public const string DefaultDialog = "menu";

    private readonly IConversationLock _locks = conversationLock ?? new ProcessConversationLock();

    /// <summary>Opens a conversation. <paramref name="beforeCommit"/> adds a channel's own
    /// writes (its chat link, outbox) to the same commit.</summary>
    public async Task<TurnResult> StartAsync(string channel, string? dialogId = null, Action<TurnResult>? beforeCommit = null)
    {
        var conversation = new Conversation { Id = NewId(), Channel = channel, HeardAt = clock.GetUtcNow() };
        using var held = await _locks.AcquireAsync(conversation.Id);
        var turn = await engine.StartAsync(conversation, dialogId ?? DefaultDialog, clock.GetUtcNow());
        beforeCommit?.Invoke(turn);
        await store.CommitAsync(turn);
        VssBotMetrics.ConversationsStarted.Add(1, VssBotMetrics.Tag("channel", channel));
        AfterCommit(turn);
        return turn;
    }

    /// <summary>Runs one turn; null when the conversation does not exist.</summary>
    public async Task<TurnResult?> TurnAsync(string conversationId, Input input, Action<TurnResult>? beforeCommit = null)
    {
        var started = clock.GetTimestamp();
        var turn = await RunTurnAsync(conversationId, input, beforeCommit);
        var channel = VssBotMetrics.Tag("channel", turn?.Conversation.Channel ?? "unknown");
        VssBotMetrics.Turns.Add(1, channel, VssBotMetrics.Tag("outcome", turn is null ? "unknown" : "answered"));
        VssBotMetrics.TurnDuration.Record(clock.GetElapsedTime(started).TotalSeconds, channel);
        if (turn?.FailedStep is { } failed)
        {
            VssBotMetrics.StepFailures.Add(1, VssBotMetrics.Tag("dialog", failed.Dialog), VssBotMetrics.Tag("step", failed.Step));
        }

        if (turn?.Dossier is { } dossier)
        {
            VssBotMetrics.DossiersSubmitted.Add(1, VssBotMetrics.Tag("office", dossier.OfficeId), VssBotMetrics.Tag("dialog", dossier.DialogId));
        }

        return turn;
    }

    private async Task<TurnResult?> RunTurnAsync(string conversationId, Input input, Action<TurnResult>? beforeCommit)
    {
        using var held = await _locks.AcquireAsync(conversationId);
        for (var attempt = 0; ; attempt++)
        {
            var conversation = store.FindConversation(conversationId);
            if (conversation is null)
            {
                return null;
            }

            conversation.ReferenceAttempts += attempt;
            conversation.HeardAt = clock.GetUtcNow();
            var facts = TurnFacts.For(conversation, store.FindDossier); // loaded before the turn, which runs on memory
            var turn = engine.Turn(conversation, input, clock.GetUtcNow(), facts);
            beforeCommit?.Invoke(turn);
            Observe(turn);
            try
            {
                await store.CommitAsync(turn);
            }
            catch (DossierReferenceTakenException) when (attempt < MaxReferenceAttempts)
            {
                // The reference belongs to someone else: run the turn again with the next one.
                continue;
            }

            AfterCommit(turn);
            return turn;
        }
    }

    private const int MaxReferenceAttempts = 8;

    /// <summary>A staff member's action (claim, say, release, close) or a notice; the
    /// person's channel carries what it says. Null when the conversation does not exist;
    /// <see cref="StaffActionRefusedException"/> when the action does not fit its state.</summary>
    public async Task<TurnResult?> StaffAsync(string conversationId, StaffAction action, string staffId, string staffName, string? text = null, byte[]? photo = null)
    {
        using var held = await _locks.AcquireAsync(conversationId);
        var conversation = store.FindConversation(conversationId);
        if (conversation is null)
        {
            return null;
        }

        var claimed = conversation.Handoff?.ClaimedAt;
        var turn = engine.Staff(conversation, action, staffId, staffName, text, photo, clock.GetUtcNow());
        await DeliverAsync(turn);
        if (claimed is null && turn.Conversation.Handoff is { ClaimedAt: { } at } handoff)
        {
            VssBotMetrics.HandoffWait.Record((at - handoff.RequestedAt).TotalSeconds, VssBotMetrics.Tag("office", handoff.OfficeId));
        }

        return turn;
    }

    /// <summary>A staff decision on a dossier: recorded on the dossier and told to the person
    /// in the same commit (their channel carries it). False when the dossier does not exist.
    /// A dossier whose conversation was erased is decided without telling anyone.</summary>
    public async Task<bool> DecideAsync(string dossierId, DossierDecision decision)
    {
        if (store.FindDossier(dossierId) is not { } found)
        {
            return false;
        }

        using var held = await _locks.AcquireAsync(found.ConversationId);
        var dossier = store.FindDossier(dossierId)!;
        var now = clock.GetUtcNow();
        dossier.Status = decision.Status;
        dossier.Reason = decision.Reason;
        dossier.Redo = [.. decision.Redo];
        dossier.DecidedAt = decision.Status.IsDecided() ? now : null;
        if (store.FindConversation(dossier.ConversationId) is not { } conversation)
        {
            await store.SaveDossierAsync(dossier);
            return true;
        }

        var turn = engine.Decide(conversation, dossier, decision, now);
        await DeliverAsync(turn);
        return true;
    }

    /// <summary>A unit's reminder to one person who started and did not finish, at most once
    /// in <paramref name="interval"/>; false when it is not sent (gone, finished, with staff,
    /// asked not to be reminded, or reminded lately).</summary>
    public Task<bool> RemindAsync(string conversationId, string unitName, TimeSpan interval) =>
        NoticeAsync(conversationId, (conversation, now) =>
            conversation.Dossiers.Count == 0 && !conversation.NoReminders && conversation.Handoff is null
            && (conversation.RemindedAt is null || conversation.RemindedAt <= now - interval)
                ? engine.Remind(conversation, unitName, now)
                : null);

    /// <summary>After approval: asks the person whether they could log in; false when the
    /// dossier or its conversation is gone, or the question was asked already.</summary>
    public async Task<bool> AskLoginAsync(string dossierId)
    {
        if (store.FindDossier(dossierId) is not { LoginAskedAt: null } found)
        {
            return false;
        }

        return await NoticeAsync(found.ConversationId, (conversation, now) =>
            store.FindDossier(dossierId) is { LoginAskedAt: null } dossier ? engine.AskLogin(conversation, dossier, now) : null);
    }

    // A message that reaches the person without their writing first, in its own commit.
    private async Task<bool> NoticeAsync(string conversationId, Func<Conversation, DateTimeOffset, TurnResult?> run)
    {
        using var held = await _locks.AcquireAsync(conversationId);
        if (store.FindConversation(conversationId) is not { } conversation || run(conversation, clock.GetUtcNow()) is not { } turn)
        {
            return false;
        }

        await DeliverAsync(turn);
        return true;
    }

    // A turn the person did not start (staff, a decision, a notice): the channels add their
    // deliveries (their outbox messages) to its commit.
    private async Task DeliverAsync(TurnResult turn)
    {
        foreach (var channel in channels)
        {
            channel.Prepare(turn);
        }

        Observe(turn);
        await store.CommitAsync(turn);
        AfterCommit(turn);
    }

    private void Observe(TurnResult turn)
    {
        foreach (var hook in _hooks)
        {
            hook.BeforeCommit(turn);
        }
    }

    private void AfterCommit(TurnResult turn)
    {
        foreach (var hook in _hooks)
        {
            hook.AfterCommit(turn);
        }
    }

    private static string NewId() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
}
