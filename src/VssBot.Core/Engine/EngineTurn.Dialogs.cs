using VssBot.Core.Dialogs;
using VssBot.Core.Text;

namespace VssBot.Core.Engine;

// Moving between dialogs (the menu, registrations) and the menu's FAQ and contacts.
internal sealed partial class EngineTurn
{
    /// <summary>After a transition: a target in another dialog is entered, remembering the
    /// way back.</summary>
    private void FollowDialogChange(string fromDialog, string fromStep)
    {
        if (!_c.StepId.StartsWith(Branch.DialogPrefix))
        {
            return;
        }

        var target = _c.StepId[1..];
        _c.StepId = fromStep;
        if (_c.History.Count > 0 && _c.History[^1] == fromStep)
        {
            _c.History.RemoveAt(_c.History.Count - 1);
        }

        _c.History.Add($"{Branch.DialogPrefix}{fromDialog}:{fromStep}");
        _nav.Enter(target);
    }

    private void Move(Action transition)
    {
        var (fromDialog, fromStep) = (Dialog.Id, _c.StepId);
        transition();
        FollowDialogChange(fromDialog, fromStep);
        if (PassOverAnsweredAhead())
        {
            Advance();
            return;
        }

        AskCurrent();
    }

    /// <summary>At a FAQ step: the answer when the match is confident, otherwise an honest
    /// "not sure" and the people to ask.</summary>
    private void AnswerQuestion(string text)
    {
        var buttons = _engine.Prompter.Prompt(Context, Step).Choices;
        if (_engine.Content.Faq.Match(text) is { Handoff: true } matter)
        {
            Say(_engine.Prompter.Fill(matter.Answer, Context));
            OfferHandoff();
            return;
        }

        if (_engine.Content.Faq.Match(text) is { } entry)
        {
            Say(_engine.Prompter.Fill(entry.Answer, Context));
            Say(Texts["faq_more"], buttons, Expects.Text);
            return;
        }

        Say(Texts["faq_not_sure"] + "\n" + Contacts(), buttons, Expects.Text);
    }

    private string Contacts()
    {
        var where = _engine.Behaviours.Whereabouts(Context);
        return _engine.Content.Offices.ContactsText(Texts, where.OfficeId, where.ProvinceId, where.WardId);
    }

    /// <summary>A message that reads as a question, at a step that is not the FAQ's: the book's
    /// answer (or, for a matter this assistant does not handle, where to go and a person); a
    /// longer question nothing answers, at a step that offers options, is never read as an
    /// option because it holds one of their words ("đăng ký"): said honestly, with contacts.</summary>
    internal bool FaqBookAnswers(string text)
    {
        var faq = _engine.Content.Faq;
        if (!faq.LooksLikeQuestion(text))
        {
            return false;
        }

        if (faq.Match(text) is { } entry)
        {
            AnswerFromBook(entry);
            return true;
        }

        if (Step.Kind is StepKind.Choice or StepKind.YesNo && faq.LooksLikeLongQuestion(text))
        {
            NotSure();
            return true;
        }

        return false;
    }

    /// <summary>At a step that offers options, a message that matched none: what the book
    /// answers, or for a sentence (not a mistyped option) an honest "not sure" with contacts.</summary>
    private bool AnswerInsteadOfOption(string text)
    {
        if (_engine.Content.Faq.Match(text) is { } entry)
        {
            AnswerFromBook(entry);
            return true;
        }

        if (VietnameseText.Clean(text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= SentenceWords)
        {
            NotSure();
            return true;
        }

        return false;
    }

    /// <summary>At a step that takes a typed value, words with no digit that the FAQ answers
    /// confidently ("không nhớ mã số", "mất thẻ"): its answer, then the step again.</summary>
    private bool AnswersInsteadOfValue(string text)
    {
        if (text.Any(char.IsDigit) || _engine.Content.Faq.Match(text) is not { } entry)
        {
            return false;
        }

        AnswerFromBook(entry);
        return true;
    }

    // Words from which a message that matched no option is a sentence, not a mistyped option.
    private const int SentenceWords = 5;

    private void AnswerFromBook(Domain.Faq.FaqEntry entry)
    {
        if (entry.Handoff)
        {
            // Another BHXH matter: where to ask, and a person offered; the step waits.
            Say(_engine.Prompter.Fill(entry.Answer, Context));
            OfferHandoff();
            return;
        }

        // An answer that offers an option of this step (at the menu: "Đăng ký VssID cho bản
        // thân") shows it as a button; otherwise the step is asked again.
        var here = _engine.Prompter.Prompt(Context, Step).Choices;
        var offered = entry.Offer.Where(here.Contains).ToList();
        Say(_engine.Prompter.Fill(entry.Answer, Context), offered, offered.Count > 0 ? Expects.Choice : Expects.None);
        Say(Texts["faq_resume"]);
        AskCurrent();
    }

    private void NotSure()
    {
        Say(Texts["faq_not_sure"] + "\n" + Contacts(), [Texts["handoff_button"]], Expects.Choice);
        AskCurrent();
    }
}
