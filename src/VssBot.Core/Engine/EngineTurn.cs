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

    internal void HandleAnswer(string text)
    {
        var step = Step;
        // An ID card's QR text pasted from a scanner app, at any step that takes text.
        if (step.Kind is not (StepKind.Photo or StepKind.Faq) && Domain.IdCard.CccdQr.Looks(text) && OfferCard(text))
        {
            return;
        }

        switch (step.Kind)
        {
            case StepKind.Photo:
                Fail(Texts["photo_expected"]);
                return;
            case StepKind.Choice or StepKind.YesNo or StepKind.Review:
            case StepKind.End when step.Next is not null:
                HandleChoice(step, text);
                return;
            case StepKind.End:
                Say(Texts["ended"], [Texts["restart_button"], Texts["menu_button"]], Expects.Choice);
                return;
            case StepKind.Faq:
                AnswerQuestion(text);
                return;
        }

        // "Tôi tên là …", "dạ …", "… ạ": the answer alone is checked and stored.
        var result = _engine.Behaviours.Validators[ValidatorOf(step)](_engine.Content.Answers.Unwrap(text), Context);
        if (!result.IsValid)
        {
            if (!TryAhead(text))
            {
                Fail(result.Error!);
            }

            return;
        }

        Accept(Answer.Of(result.Value!, result.Display), result.Note);
    }

    private void HandleChoice(StepDefinition step, string text)
    {
        var options = _engine.Prompter.Options(Context, step);
        var source = step.Source is { } name ? _engine.Behaviours.Sources[name] : null;
        var offered = _c.Offered is { } values ? options.Where(o => values.Contains(o.Value)).ToList() : null;
        var match = offered is { Count: > 0 } ? ChoiceMatcher.Match(text, offered) : ChoiceMatch.None;
        if (match.Chosen is null && source is not null && !source.ShowAll(Context))
        {
            // Options that were never all shown have no positions: "12" is no 12th ward.
            match = ChoiceMatcher.Match(text, options, numbersArePositions: false);
        }
        else if (match.Chosen is null)
        {
            match = ChoiceMatcher.Match(text, options);
        }

        // A name only the source knows (an old unit) counts before a near miss among the options.
        var meaning = match.Chosen is { } exact && exact.Keys.Contains(VietnameseText.Fold(text)) ? null : source?.Interpret(Context, text);
        if (meaning?.Fills is { } fills && OfferAnswers(fills, "address_offer"))
        {
            return;
        }

        if (meaning is { Options.Count: 1 })
        {
            Accept(Answer.Of(meaning.Options[0].Value, meaning.Options[0].Label), meaning.Note.Length > 0 ? meaning.Note : null);
            return;
        }

        if (meaning is { Options.Count: > 1 })
        {
            _c.Offered = meaning.Options.Select(o => o.Value).ToList();
            Say(meaning.Note, meaning.Options.Select(o => o.Label).ToList(), Expects.Choice);
            return;
        }

        if (meaning is { Options.Count: 0 })
        {
            Fail(meaning.Note);
            return;
        }

        if (match.Chosen is { } chosen)
        {
            if (step.Kind == StepKind.Review)
            {
                Review(chosen.Value);
                return;
            }

            Accept(Answer.Of(chosen.Value, chosen.Label), null);
            return;
        }

        if (step.Kind == StepKind.Choice && TryAhead(text))
        {
            return;
        }

        if (match.Suggestions.Count > 0)
        {
            _c.Offered = match.Suggestions.Select(s => s.Value).ToList();
            Say(Texts["did_you_mean"], match.Suggestions.Select(s => s.Label).ToList(), Expects.Choice);
            return;
        }

        // What was typed is said back, shortened: a page of text is not echoed.
        var said = VietnameseText.Clean(text);
        Fail(Texts.Format("nothing_close", ("input", said.Length <= 60 ? said : said[..60] + "…")) + " " + Texts["choose_one"]);
    }

    private void Review(string value)
    {
        if (value == Prompter.Submit)
        {
            _c.ReturnTo = null;
            Advance();
            return;
        }

        _c.History.Add(_c.StepId);
        _c.ReturnTo = _c.StepId;
        _nav.Edit(value[Prompter.EditPrefix.Length..]);
        AskCurrent();
    }

    private void Accept(Answer answer, string? note)
    {
        var step = Step;
        var old = _c.Answers.GetValueOrDefault(step.Id);
        _c.Answers[step.Id] = answer;
        if (old is not null && old.Value != answer.Value)
        {
            foreach (var cleared in step.Clears)
            {
                if (!_c.Cleared.Contains(cleared))
                {
                    _c.Cleared.Add(cleared);
                }

                if (_c.Answers.Remove(cleared, out var gone) && Dialog.Step(cleared).Kind == StepKind.Photo)
                {
                    _result.PhotosToDelete.Add(gone.Value);
                }
            }
        }

        if (note is not null)
        {
            Say(note);
        }

        Advance();
    }

    private void Advance()
    {
        var step = Step;
        _c.Failures = 0;
        _c.Offered = null;
        _c.History.Add(step.Id);
        var next = _nav.NextOf(step);
        if (_c.ReturnTo is { } review)
        {
            // Changing one answer: skip what is already answered, stop at the first
            // gap the change opened, or at the review.
            var target = next;
            for (var guard = 0; target != review && !target.StartsWith(Branch.DialogPrefix) && _c.Answers.ContainsKey(target) && guard < Dialog.Steps.Count; guard++)
            {
                target = _nav.NextOf(Dialog.Step(target));
            }

            if (target == review)
            {
                _c.ReturnTo = null;
            }

            if (target != next)
            {
                Move(() => _nav.Resume(target));
                return;
            }
        }

        Move(_nav.Answer);
    }

    private void Fail(string error)
    {
        var step = Step;
        _c.Failures++;
        _result.FailedStep = (Dialog.Id, step.Id);
        var buttons = step.Kind is StepKind.Choice or StepKind.YesNo ? _engine.Prompter.ButtonsFor(Context, step) : [];
        if (_c.Failures % 3 != 0)
        {
            Say(error, buttons, Prompter.ExpectsOf(step));
            return;
        }

        // Third failure in a row: stop repeating; explain differently, offer people.
        var example = step.Example is null ? "" : "\n" + Texts.Format("example", ("example", step.Example));
        Say(error);
        Say(Texts["stuck"] + "\n" + (step.Help ?? _engine.Prompter.Fill(step.Prompt, Context)) + example);
        Say(Texts["contacts_offer"] + "\n" + Contacts(), [.. buttons, Texts["handoff_button"]], Prompter.ExpectsOf(step));
    }
}
