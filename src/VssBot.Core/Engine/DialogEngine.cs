using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Dialogs;
using VssBot.Core.Domain.Validation;
using VssBot.Core.Text;

namespace VssBot.Core.Engine;

/// <summary>
/// One turn of a conversation: takes the stored conversation and what the person sent,
/// returns the changed conversation and what to write and say. No I/O: the caller
/// loads, commits, then sends.
/// </summary>
public sealed class DialogEngine
{
    private readonly DialogContent _content;

    public DialogEngine(DialogContent content, StepBehaviours behaviours, Func<string, string, string?>? archivedSource = null, IHandoffGate? handoffGate = null)
    {
        _content = content;
        HandoffGate = handoffGate;
        Behaviours = behaviours;
        Catalog = new DialogCatalog(content, behaviours, archivedSource ?? ((_, _) => null));
        Prompter = new Prompter(content, behaviours);
    }

    public DialogContent Content => _content;

    internal StepBehaviours Behaviours { get; }

    internal DialogCatalog Catalog { get; }

    internal Prompter Prompter { get; }

    internal IHandoffGate? HandoffGate { get; }

    /// <summary>Opens a conversation on a dialog and asks its first step.</summary>
    public Task<TurnResult> StartAsync(Conversation conversation, string dialogId, DateTimeOffset now)
    {
        var dialog = Catalog.Current(dialogId);
        conversation.DialogId = dialog.Id;
        conversation.DialogVersion = dialog.Version;
        conversation.StepId = dialog.Start;
        conversation.Status = ConversationStatus.Active;
        conversation.CreatedAt = now;
        var turn = new EngineTurn(this, conversation, dialog, now);
        turn.AskCurrent();
        return Task.FromResult(turn.Finish());
    }

    public Task<TurnResult> TurnAsync(Conversation conversation, Input input, DateTimeOffset now, TurnFacts? facts = null) =>
        Task.FromResult(Turn(conversation, input, now, facts));

    /// <summary>One turn, on memory alone (what it needs from the store is in <paramref name="facts"/>):
    /// the conversation changed in place and what to commit and say.</summary>
    public TurnResult Turn(Conversation conversation, Input input, DateTimeOffset now, TurnFacts? facts = null)
    {
        var turn = new EngineTurn(this, conversation, Catalog.For(conversation), now) { Origin = input.Origin, Facts = facts ?? TurnFacts.None };
        turn.Handle(input);
        return turn.Finish();
    }

    /// <summary>A staff member's action on a handed-off conversation, as a turn to commit.
    /// Throws <see cref="StaffActionRefusedException"/> when it does not fit its state.</summary>
    public TurnResult Staff(Conversation conversation, StaffAction action, string staffId, string staffName, string? text, byte[]? photo, DateTimeOffset now)
    {
        var turn = new EngineTurn(this, conversation, Catalog.For(conversation), now);
        turn.Staff(action, staffId, staffName, text, photo);
        return turn.Finish();
    }

    /// <summary>A staff decision on one of the conversation's dossiers, as a turn to commit
    /// with the decided dossier.</summary>
    public TurnResult Decide(Conversation conversation, Dossier dossier, DossierDecision decision, DateTimeOffset now)
    {
        var turn = new EngineTurn(this, conversation, Catalog.For(conversation), now);
        turn.Decide(dossier, decision);
        var result = turn.Finish();
        result.Dossier = dossier;
        return result;
    }

    /// <summary>A unit's reminder to a person who started and did not finish.</summary>
    public TurnResult Remind(Conversation conversation, string unitName, DateTimeOffset now)
    {
        var turn = new EngineTurn(this, conversation, Catalog.For(conversation), now);
        turn.Remind(unitName);
        return turn.Finish();
    }

    /// <summary>After approval: the "could you log in?" question; the dossier records that it was asked.</summary>
    public TurnResult AskLogin(Conversation conversation, Dossier dossier, DateTimeOffset now)
    {
        var turn = new EngineTurn(this, conversation, Catalog.For(conversation), now);
        turn.AskLogin(dossier);
        var result = turn.Finish();
        dossier.LoginAskedAt = now;
        result.Dossier = dossier;
        return result;
    }

    public string Mermaid(string dialogId) => StepMachine.ToMermaid(Catalog.Current(dialogId));
}
