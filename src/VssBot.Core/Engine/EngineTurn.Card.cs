using VssBot.Core.Dialogs;

namespace VssBot.Core.Engine;

// An ID card's QR code, read from the photo of its front or pasted as text: compared with
// the answers given; differences and missing answers are offered, and taken on "yes".
internal sealed partial class EngineTurn
{
    /// <summary>True when <paramref name="text"/> is a card's QR text that differs from or
    /// adds to the answers: the person is asked, and the reply handled as pending.</summary>
    private bool OfferCard(string? text)
    {
        if (text is null || Step.Shared || _engine.Behaviours.CardAnswers(text, _engine.Content) is not { } card)
        {
            return false;
        }

        // A choice's answer shows as the step's own label ("Căn cước công dân (CCCD)").
        var values = card.Where(v => Dialog.HasStep(v.Key)).ToDictionary(v => v.Key, v =>
            Dialog.Step(v.Key).Choices.FirstOrDefault(c => c.Value == v.Value.Value) is { } choice ? Answer.Of(v.Value.Value, choice.Label) : v.Value);
        var differing = values.Where(v => _c.Answers.TryGetValue(v.Key, out var given) && given.Value != v.Value.Value).ToList();
        var missing = values.Where(v => !_c.Answers.ContainsKey(v.Key)).ToList();
        if (differing.Count == 0 && missing.Count == 0)
        {
            Say(Texts["card_matches"]);
            return false;
        }

        string Line(KeyValuePair<string, Answer> v) =>
            $"• {Dialog.Step(v.Key).Label ?? v.Key}: {v.Value.Display}" + (_c.Answers.TryGetValue(v.Key, out var given) ? " " + Texts.Format("card_was", ("answer", given.Display)) : "");
        var lines = string.Join('\n', differing.Concat(missing).Select(Line));
        PendingConfirmation.Set(_c, new PendingConfirmation.Offer(OfferKind.Card, values));
        Say(Texts.Format(differing.Count > 0 ? "card_differs" : "card_fill", ("lines", lines)), [Texts["yes_button"], Texts["no_button"]], Expects.Choice);
        return true;
    }

    /// <summary>Answers a text gave for this and later steps (a whole address), offered to
    /// confirm: "yes" takes them as a card's answers are taken.</summary>
    private bool OfferAnswers(IReadOnlyDictionary<string, Answer> answers, string textKey)
    {
        var lines = string.Join('\n', answers.Select(a => $"• {Dialog.Step(a.Key).Label ?? a.Key}: {a.Value.Display}"));
        PendingConfirmation.Set(_c, new PendingConfirmation.Offer(OfferKind.Fill, answers.ToDictionary()));
        Say(Texts.Format(textKey, ("lines", lines)), [Texts["yes_button"], Texts["no_button"]], Expects.Choice);
        return true;
    }

    /// <summary>The reply to <see cref="OfferCard"/>: "yes" takes the card's answers (steps not
    /// reached yet are passed over later), "no" keeps what was typed.</summary>
    private void AnswerCard(bool yes, PendingConfirmation.Offer offer)
    {
        var kind = offer.Kind;
        var fix = kind == OfferKind.Fix;
        var card = offer.Answers;
        if (yes)
        {
            var index = StepIndex(_c.StepId);
            foreach (var (id, answer) in card)
            {
                _c.Answers[id] = answer;
                if (StepIndex(id) > index && !_c.Ahead.Contains(id))
                {
                    _c.Ahead.Add(id);
                }
            }
        }

        Say(Texts[(kind, yes) switch
        {
            (OfferKind.Fix, true) => "ahead_fixed",
            (OfferKind.Fill, true) => "address_used",
            (OfferKind.Card, true) => "card_used",
            _ => "card_kept",
        }]);
        if (fix || (kind == OfferKind.Fill && !yes))
        {
            // Nothing of this step was taken: it is asked again.
            AskCurrent();
            return;
        }

        if (_c.Answers.ContainsKey(_c.StepId))
        {
            Advance();
            return;
        }

        AskCurrent();
    }

    /// <summary>A photo's content read at a step that reads it (the QR code of an ID card's front).</summary>
    private string? ReadPhoto(StepDefinition step, byte[] jpeg) =>
        step.Reads is { } reader ? _engine.Behaviours.PhotoReaders[reader](jpeg) : null;
}
