using VssBot.Core.Dialogs;
using VssBot.Core.Text;

namespace VssBot.Core.Engine;

/// <summary>The state of one turn in progress.</summary>
internal sealed partial class EngineTurn
{
    public const string MenuDialog = "menu";

    private readonly DialogEngine _engine;
    private readonly Conversation _c;
    private readonly TurnResult _result;
    private readonly DateTimeOffset _now;

    /// <summary>Where the input came from (for the handoff gate).</summary>
    public string? Origin { get; init; }

    /// <summary>What the turn needs from the store, loaded before it.</summary>
    public TurnFacts Facts { get; init; } = TurnFacts.None;

    // Where the conversation is, and how it moves (a turn may move into another dialog).
    private readonly Navigator _nav;

    public EngineTurn(DialogEngine engine, Conversation conversation, DialogDefinition dialog, DateTimeOffset now)
    {
        _engine = engine;
        _c = conversation;
        _now = now;
        _result = new TurnResult(conversation);
        _nav = new Navigator(engine, conversation, dialog, now, (context, step) => _engine.Behaviours.Actions[step.OnEnter!](context, _result));
    }

    private DialogDefinition Dialog => _nav.Dialog;
    private StepContext Context => _nav.Context;

    private EngineTexts Texts => _engine.Content.Texts;
    private StepDefinition Step => _nav.Step;

    public TurnResult Finish()
    {
        // A submitted dossier's form 01 follows the replies, as a file.
        foreach (var file in _result.Files)
        {
            Say(Texts["form01_sent"]);
            _result.Transcript[^1].FileRef = file;
        }

        _result.Files.Clear();
        if (_result.StartHandoff && _c.Handoff is null)
        {
            _result.StartHandoff = false;
            StartHandoff();
        }
        _c.UpdatedAt = Context.Now;
        _nav.Release(); // this turn is done with the conversation
        return _result;
    }

    public void Handle(Input input)
    {
        Heard(input);
        Steps.TurnPipeline.Run(this, input);
    }

    /// <summary>The conversation this turn changes.</summary>
    internal Conversation Conversation => _c;

    /// <summary>The step the conversation is on.</summary>
    internal StepDefinition CurrentStep => Step;

    internal CommandWords Commands => _engine.Content.Commands;

    /// <summary>Says <paramref name="text"/> with the current step's buttons.</summary>
    internal void SayWithStep(string text) => Say(text, Step);

    public void AskCurrent()
    {
        var step = Step;
        if (step.Transient)
        {
            _c.Answers.Remove(step.Id);
        }

        if (step.Prefill is not null && !_c.Answers.ContainsKey(step.Id) && !_c.Cleared.Contains(step.Id)
            && (_c.Guardian.GetValueOrDefault(step.Prefill) ?? _c.Answers.GetValueOrDefault(step.Prefill)) is { } prefilled)
        {
            _c.Answers[step.Id] = Answer.Of(prefilled.Value, prefilled.Display);
        }

        var reply = _engine.Prompter.Prompt(Context, step);
        Say(reply.Text, reply.Choices, reply.Expects);
        if (step.Kind == StepKind.End)
        {
            if (!_c.Completed.Contains(Dialog.Id))
            {
                _c.Completed.Add(Dialog.Id);
            }

            if (step.Next is null)
            {
                _c.Status = ConversationStatus.Ended;
            }
        }
    }
}
