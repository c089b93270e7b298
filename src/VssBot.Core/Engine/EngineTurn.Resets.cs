using VssBot.Core.Dialogs;
using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Text;

namespace VssBot.Core.Engine;

// Going back to the menu, erasing, restarting: what each keeps and what it forgets.
internal sealed partial class EngineTurn
{
    /// <summary>"menu": to the main menu from anywhere; answers are kept, so coming back
    /// to a registration offers them again.</summary>
    private void GoToMenu()
    {
        PendingConfirmation.Set(_c, null);
        if (Dialog.Id != MenuDialog || _c.StepId != Dialog.Start)
        {
            _c.History.Add($"{Branch.DialogPrefix}{Dialog.Id}:{_c.StepId}");
            _nav.Enter(MenuDialog);
        }

        AskCurrent();
    }

    /// <summary>"xóa dữ liệu của tôi", confirmed: the conversation forgets everything and
    /// the store deletes its transcript, photos and dossiers in this turn's commit.</summary>
    private void Erase()
    {
        _result.EraseConversation = true;
        _c.Answers.Clear();
        _c.Guardian.Clear();
        _c.Dossiers.Clear();
        _c.Completed.Clear();
        _c.Cleared.Clear();
        _c.History.Clear();
        _c.StartPayload = null;
        _result.Transcript.Clear();
        Say(Texts["erased"]);
        if (_engine.Content.Dialogs.ContainsKey(MenuDialog))
        {
            _nav.Enter(MenuDialog);
        }
        else
        {
            _nav.Enter(Dialog.Id);
        }

        AskCurrent();
    }

    private void Restart()
    {
        ForgetAnswers();
        _c.Completed.Remove(Dialog.Id);
        _c.History.Clear();
        _c.Failures = 0;
        PendingConfirmation.Set(_c, null);
        _c.Status = ConversationStatus.Active;
        if (Dialog.Version != _engine.Catalog.Current(Dialog.Id).Version)
        {
            _c.DialogVersion = _engine.Catalog.Current(Dialog.Id).Version;
        }

        _nav.Restart();
        AskCurrent();
    }

    /// <summary>Drops this dialog's answers (not shared ones such as consent) and their
    /// photos, unless the run reached its end: then the photos belong to its dossier.</summary>
    private void ForgetAnswers()
    {
        var submitted = _c.Completed.Contains(Dialog.Id);
        foreach (var step in Dialog.Steps.Where(s => !s.Shared))
        {
            if (_c.Answers.Remove(step.Id, out var answer) && step.Kind == StepKind.Photo && !submitted)
            {
                _result.PhotosToDelete.Add(answer.Value);
            }

            _c.Cleared.Remove(step.Id);
        }

        _c.ReturnTo = null;
        _c.Offered = null;
    }
}
