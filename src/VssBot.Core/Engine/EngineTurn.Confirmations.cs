using VssBot.Core.Dialogs;
using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Text;

namespace VssBot.Core.Engine;

// A conversation that ended, and the replies to a question waiting for yes or no.
internal sealed partial class EngineTurn
{
    internal void HandleEnded(Input input)
    {
        switch (_engine.Content.Commands.Recognise(input.Text))
        {
            case Command.Restart:
                Restart();
                return;
            case Command.Menu when _engine.Content.Dialogs.ContainsKey(MenuDialog):
                GoToMenu();
                return;
            case Command.Handoff:
                _c.Status = ConversationStatus.Active;
                OfferHandoff();
                return;
        }

        Say(Texts["ended"], [Texts["restart_button"], Texts["menu_button"]], Expects.Choice);
    }

    internal void HandlePending(Input input, PendingConfirmation pending)
    {
        var match = ChoiceMatcher.Match(input.Text, _engine.Prompter.YesNo());
        if (match.Chosen is null)
        {
            Say(Texts["confirm_yes_no"], [Texts["yes_button"], Texts["no_button"]], Expects.Choice);
            return;
        }

        PendingConfirmation.Set(_c, null);
        var yes = match.Chosen.Value == "yes";
        if (pending is PendingConfirmation.Offer offer)
        {
            AnswerCard(yes, offer);
            return;
        }

        if (!yes)
        {
            Say(Texts["not_cancelled"]);
            AskCurrent();
            return;
        }

        switch (pending)
        {
            case PendingConfirmation.Restart:
                Restart();
                return;
            case PendingConfirmation.Erase:
                Erase();
                return;
            case PendingConfirmation.Handoff:
                StartHandoff();
                return;
            case PendingConfirmation.Cancel:
                ForgetAnswers();
                _c.History.Clear();
                _c.Status = ConversationStatus.Cancelled;
                Say(Texts["cancelled"], [Texts["restart_button"], Texts["menu_button"]], Expects.Choice);
                return;
        }
    }
}
