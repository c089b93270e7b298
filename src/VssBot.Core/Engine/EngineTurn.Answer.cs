using VssBot.Core.Dialogs;
using VssBot.Core.Text;

namespace VssBot.Core.Engine;

// The answer to the current step: a typed value checked by the step's validator, or a
// choice matched among the step's options (by label, alias, position or a near miss).
internal sealed partial class EngineTurn
{
    internal void HandleAnswer(string text)
    {
        var step = Step;
        // An ID card's QR text pasted from a scanner app, at any step that takes text.
        if (step.Kind is not (StepKind.Photo or StepKind.Faq) && _engine.Behaviours.LooksLikeCard(text) && OfferCard(text))
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
            // Not an answer: one for a later step, or words the FAQ answers ("tôi không có thẻ
            // BHYT" at the code step leads to the 12-digit number and where to look), or refused.
            if (!TrySeveral(text) && !TryAhead(text) && !AnswersInsteadOfValue(text))
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

        if (AnswerInsteadOfOption(text))
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
}
