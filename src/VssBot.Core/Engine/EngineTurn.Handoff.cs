
namespace VssBot.Core.Engine;

// Handing a conversation to people: the offer, the queue, staff joining, speaking,
// releasing it back to the bot at the step it was on, or closing it.
internal sealed partial class EngineTurn
{
    private void OfferHandoff()
    {
        PendingConfirmation.Set(_c, new PendingConfirmation.Handoff());
        Say(Texts["handoff_offer"] + "\n" + Contacts(), [Texts["yes_button"], Texts["no_button"]], Expects.Choice);
    }

    private void StartHandoff()
    {
        var where = _engine.Behaviours.Whereabouts(Context);
        var office = where.OfficeId ?? _engine.Content.Offices.InProvince(where.ProvinceId, where.WardId).FirstOrDefault()?.Id;
        if (_engine.HandoffGate?.TryQueue(office, Origin) == false)
        {
            // The queue is full, or this address asked too often: the contacts, and the step again.
            Say(Texts["handoff_busy"] + "\n" + Contacts());
            AskCurrent();
            return;
        }

        _c.Handoff = new Handoff { State = HandoffState.Waiting, OfficeId = office, RequestedAt = _now };
        _result.HandoffChanged = true;
        var name = office is null ? Texts["handoff_any_office"] : _engine.Content.Offices.Find(office)?.Name ?? office;
        Say(Texts.Format("handoff_queued", ("office", name)));
    }

    /// <summary>A message from the person while people have the conversation: kept for
    /// staff to read; in the queue, "quay lại" or "hủy" returns to the bot.</summary>
    internal void HandleWithPeople(Input input)
    {
        var handoff = _c.Handoff!;
        var command = input.Kind == InputKind.Text ? _engine.Content.Commands.Recognise(input.Text) : null;
        if (handoff.State == HandoffState.Waiting && command is Command.Back or Command.Cancel)
        {
            _c.Handoff = null;
            _result.HandoffChanged = true;
            Say(Texts["handoff_left"]);
            AskCurrent();
            return;
        }

        if (input.Kind == InputKind.Photo)
        {
            var key = $"{_c.Id}/{_c.Seq:D5}-chat";
            _result.PhotosToStore.Add(new StoredPhoto(key, input.Photo!));
            _result.Transcript[^1].PhotoKey = key;
        }

        // Told once while waiting, not after every message.
        if (handoff.State == HandoffState.Waiting && !handoff.Reminded)
        {
            handoff.Reminded = true;
            Say(Texts["handoff_waiting"]);
        }

            }

    public void Staff(StaffAction action, string staffId, string staffName, string? text, byte[]? photo)
    {
        var handoff = _c.Handoff;
        _result.HandoffChanged = action != StaffAction.Say;
        switch (action)
        {
            case StaffAction.Claim when handoff is { State: HandoffState.Waiting }:
                handoff.State = HandoffState.WithStaff;
                handoff.Staff = staffId;
                handoff.StaffName = staffName;
                handoff.ClaimedAt = _now;
                Say(Texts.Format("handoff_joined", ("staff", staffName)));
                return;
            case StaffAction.Say when handoff is { State: HandoffState.WithStaff } && handoff.Staff == staffId:
                Append(Sender.Staff, text ?? "", [], Expects.None);
                if (photo is not null)
                {
                    var key = $"{_c.Id}/{_c.Seq:D5}-staff";
                    _result.PhotosToStore.Add(new StoredPhoto(key, photo));
                    _result.Transcript[^1].PhotoKey = key;
                }

                return;
            case StaffAction.Release when handoff is { State: HandoffState.WithStaff } && handoff.Staff == staffId:
                _c.Handoff = null;
                Say(Texts["handoff_released"]);
                AskCurrent();
                return;
            case StaffAction.Close when handoff is not null && (handoff.State == HandoffState.Waiting || handoff.Staff == staffId):
                _c.Handoff = null;
                Say(Texts["handoff_closed"]);
                if (_engine.Content.Dialogs.ContainsKey(MenuDialog))
                {
                    GoToMenu();
                }
                else
                {
                    AskCurrent();
                }

                return;
            case StaffAction.NobodyAvailable when handoff is { State: HandoffState.Waiting, NobodyNoticeAt: null }:
                handoff.NobodyNoticeAt = _now;
                Say(Texts["handoff_nobody"] + "\n" + Contacts());
                return;
            default:
                throw new StaffActionRefusedException(action, handoff?.State);
        }
    }
}
