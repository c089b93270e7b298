using VssBot.Core.Dialogs;

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

    internal bool FaqBookAnswers(string text)
    {
        if (!_engine.Content.Faq.LooksLikeQuestion(text) || _engine.Content.Faq.Match(text) is not { } entry)
        {
            return false;
        }

        // An answer that offers an option of this step (at the menu: "Đăng ký VssID cho bản
        // thân") shows it as a button; otherwise the step is asked again.
        var here = _engine.Prompter.Prompt(Context, Step).Choices;
        var offered = entry.Offer.Where(here.Contains).ToList();
        Say(_engine.Prompter.Fill(entry.Answer, Context), offered, offered.Count > 0 ? Expects.Choice : Expects.None);
        Say(Texts["faq_resume"]);
        AskCurrent();
        return true;
    }
}
