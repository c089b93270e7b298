using VssBot.Core.Dialogs;
using VssBot.Core.Text;

namespace VssBot.Core.Engine;

// What comes other than text: a shared contact for a phone step, a photo for a photo
// step (with the card's QR code offered when the front of a CCCD is sent).
internal sealed partial class EngineTurn
{
    /// <summary>A shared contact answers a phone step; one the channel verified as the
    /// sender's own is marked so, for staff to see.</summary>
    internal void HandleContact(Input input)
    {
        if (Step.Kind != StepKind.Phone)
        {
            Say(Texts["contact_not_needed"]);
            AskCurrent();
            return;
        }

        var result = Domain.Validation.MobilePhone.Check(input.Text, _engine.Content.Validation);
        if (!result.IsValid)
        {
            Fail(result.Error!);
            return;
        }

        var display = input.Verified ? $"{result.Display} {Texts["phone_verified"]}" : result.Display;
        Accept(Answer.Of(result.Value!, display), null);
    }

    /// <summary>The photo is kept as the step's answer; when its QR code gives answers that
    /// differ or are missing, the person is asked first and the step moves on after.</summary>
    private bool OfferCardFromPhoto(StepDefinition step, string key, byte[] jpeg)
    {
        if (ReadPhoto(step, jpeg) is not { } text)
        {
            return false;
        }

        _c.Answers[step.Id] = Answer.Of(key, Texts["photo_sent"]);
        Say(Texts["photo_received"]);
        if (OfferCard(text))
        {
            return true;
        }

        _c.Answers.Remove(step.Id);
        return false;
    }

    internal void HandlePhoto(byte[] jpeg, IReadOnlyList<string> findings)
    {
        if (Step.Kind != StepKind.Photo)
        {
            Say(Texts["photo_not_needed"]);
            AskCurrent();
            return;
        }

        var key = $"{_c.Id}/{_c.Seq:D5}-{Step.Id}";
        if (_c.Answers.GetValueOrDefault(Step.Id) is { } replaced)
        {
            _result.PhotosToDelete.Add(replaced.Value);
        }

        _result.PhotosToStore.Add(new StoredPhoto(key, jpeg));
        var step = Step;
        if (OfferCardFromPhoto(step, key, jpeg))
        {
            return;
        }

        // A photo that may not pass: kept, with a kind hint; "giữ nguyên" uses it, a new one replaces it.
        var hints = findings.Where(f => f switch
        {
            Photos.PhotoQuality.Landscape or Photos.PhotoQuality.UpsideDown => step.Portrait,
            Photos.PhotoQuality.Small => step.Card,
            _ => true,
        }).ToList();
        if (hints.Count > 0)
        {
            _c.Answers[step.Id] = Answer.Of(key, Texts["photo_sent"] + " (" + string.Join(", ", hints.Select(h => Texts["photo_finding_" + h])) + ")");
            Say(Texts["photo_hint_" + hints[0]] + " " + Texts["photo_hint_keep"]);
            AskCurrent();
            return;
        }

        Accept(Answer.Of(key, Texts["photo_sent"]), Texts["photo_received"]);
    }
}
