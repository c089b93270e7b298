using VssBot.Core.Dialogs;
using VssBot.Core.Domain.Validation;
using VssBot.Core.Text;

namespace VssBot.Core.Engine;

/// <summary>
/// One turn of a conversation: takes the stored conversation and what the person sent,
/// returns the changed conversation and what to write and say. No I/O: the caller
/// loads, commits, then sends.
/// </summary>
public sealed class DialogEngine
{
    private readonly DialogContent _content;
    private readonly StepBehaviours _behaviours;
    private readonly DialogCatalog _catalog;
    private readonly Prompter _prompter;

    public DialogEngine(DialogContent content, StepBehaviours behaviours, Func<string, string, string?>? archivedSource = null)
    {
        _content = content;
        _behaviours = behaviours;
        _catalog = new DialogCatalog(content, behaviours, archivedSource ?? ((_, _) => null));
        _prompter = new Prompter(content, behaviours);
    }

    public DialogContent Content => _content;

    /// <summary>Opens a conversation on a dialog and asks its first step.</summary>
    public Task<TurnResult> StartAsync(Conversation conversation, string dialogId, DateTimeOffset now)
    {
        var dialog = _catalog.Current(dialogId);
        conversation.DialogId = dialog.Id;
        conversation.DialogVersion = dialog.Version;
        conversation.StepId = dialog.Start;
        conversation.Status = ConversationStatus.Active;
        conversation.CreatedAt = now;
        var turn = new Turn(this, conversation, dialog, now);
        turn.AskCurrent();
        return Task.FromResult(turn.Finish());
    }

    public async Task<TurnResult> TurnAsync(Conversation conversation, Input input, DateTimeOffset now)
    {
        var turn = new Turn(this, conversation, _catalog.For(conversation), now);
        await turn.HandleAsync(input);
        return turn.Finish();
    }

    public string Mermaid(string dialogId) => StepMachine.ToMermaid(_catalog.Current(dialogId));

    /// <summary>The state of one turn in progress.</summary>
    private sealed class Turn
    {
        private readonly DialogEngine _engine;
        private readonly Conversation _c;
        private readonly DialogDefinition _dialog;
        private readonly StepContext _context;
        private readonly TurnResult _result;
        private readonly StepMachine _machine;

        public Turn(DialogEngine engine, Conversation conversation, DialogDefinition dialog, DateTimeOffset now)
        {
            _engine = engine;
            _c = conversation;
            _dialog = dialog;
            _context = new StepContext(conversation, dialog, engine._content, now);
            _result = new TurnResult(conversation);
            _machine = new StepMachine(dialog, conversation, Holds, step => engine._behaviours.Actions[step.OnEnter!](_context, _result));
        }

        private EngineTexts Texts => _engine._content.Texts;
        private StepDefinition Step => _dialog.Step(_c.StepId);

        public TurnResult Finish()
        {
            _c.UpdatedAt = _context.Now;
            return _result;
        }

        public async Task HandleAsync(Input input)
        {
            Heard(input);
            if (_c.Status != ConversationStatus.Active)
            {
                await HandleEndedAsync(input);
                return;
            }

            if (_c.Pending is not null)
            {
                await HandlePendingAsync(input);
                return;
            }

            if (input.Kind == InputKind.RejectedFile)
            {
                Say(input.Text, Step);
                return;
            }

            if (input.Kind == InputKind.Photo)
            {
                await HandlePhotoAsync(input.Photo!);
                return;
            }

            if (_engine._content.Commands.Recognise(input.Text) is { } command && await HandleCommandAsync(command))
            {
                return;
            }

            if (FaqBookAnswers(input.Text))
            {
                return;
            }

            await HandleAnswerAsync(input.Text);
        }

        public void AskCurrent()
        {
            var reply = _engine._prompter.Prompt(_context, Step);
            Say(reply.Text, reply.Choices, reply.Expects);
            if (Step.Kind == StepKind.End)
            {
                _c.Status = ConversationStatus.Ended;
            }
        }

        private async Task HandleEndedAsync(Input input)
        {
            if (_engine._content.Commands.Recognise(input.Text) == "restart")
            {
                await RestartAsync();
                return;
            }

            Say(Texts["ended"], [Texts["restart_button"]], Expects.Choice);
        }

        private async Task HandlePendingAsync(Input input)
        {
            var match = ChoiceMatcher.Match(input.Text, _engine._prompter.YesNo());
            var pending = _c.Pending;
            if (match.Chosen is null)
            {
                Say(Texts["confirm_yes_no"], [Texts["yes_button"], Texts["no_button"]], Expects.Choice);
                return;
            }

            _c.Pending = null;
            if (match.Chosen.Value == "no")
            {
                Say(Texts["not_cancelled"]);
                AskCurrent();
                return;
            }

            if (pending == "restart")
            {
                await RestartAsync();
                return;
            }

            ForgetAnswers();
            _c.Status = ConversationStatus.Cancelled;
            Say(Texts["cancelled"], [Texts["restart_button"]], Expects.Choice);
        }

        private async Task<bool> HandleCommandAsync(string command)
        {
            switch (command)
            {
                case "help":
                    var example = Step.Example is null ? "" : "\n" + Texts.Format("example", ("example", Step.Example));
                    Say(Texts["help_title"] + "\n" + (Step.Help ?? _engine._prompter.Fill(Step.Prompt, _context)) + example);
                    AskCurrent();
                    return true;
                case "back":
                    if (_c.History.Count == 0)
                    {
                        Say(Texts["first_step"]);
                        AskCurrent();
                        return true;
                    }

                    var previous = _c.History[^1];
                    _c.History.RemoveAt(_c.History.Count - 1);
                    _c.Failures = 0;
                    _c.Offered = null;
                    await _machine.BackAsync(previous);
                    AskCurrent();
                    return true;
                case "cancel" or "restart":
                    _c.Pending = command;
                    Say(Texts[command == "cancel" ? "confirm_cancel" : "confirm_restart"], [Texts["yes_button"], Texts["no_button"]], Expects.Choice);
                    return true;
                case "keep" when _c.Answers.TryGetValue(Step.Id, out var kept):
                    await AcceptAsync(kept, null);
                    return true;
                case "skip" when Step.Optional:
                    // Kept as an empty answer, so that a later change does not ask again.
                    await AcceptAsync(Answer.Of("", Texts["skipped"]), null);
                    return true;
                case "skip" when Step.Kind is StepKind.Email or StepKind.Text or StepKind.Photo:
                    await FailAsync(Texts["not_optional"]);
                    return true;
                default:
                    return false;
            }
        }

        private bool FaqBookAnswers(string text)
        {
            if (!Domain.Faq.FaqBook.LooksLikeQuestion(text) || _engine._content.Faq.Match(text) is not { } entry)
            {
                return false;
            }

            Say(entry.Answer);
            Say(Texts["faq_resume"]);
            AskCurrent();
            return true;
        }

        private async Task HandlePhotoAsync(byte[] jpeg)
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
            await AcceptAsync(Answer.Of(key, "đã gửi ảnh"), Texts["photo_received"]);
        }

        private async Task HandleAnswerAsync(string text)
        {
            var step = Step;
            switch (step.Kind)
            {
                case StepKind.Photo:
                    await FailAsync(Texts["photo_expected"]);
                    return;
                case StepKind.Choice or StepKind.YesNo or StepKind.Review:
                    await HandleChoiceAsync(step, text);
                    return;
                case StepKind.End:
                    Say(Texts["ended"], [Texts["restart_button"]], Expects.Choice);
                    return;
            }

            var validator = step.Validator ?? step.Kind switch
            {
                StepKind.Phone => "phone",
                StepKind.Date => "birthDate",
                StepKind.Email => "email",
                _ => throw new InvalidOperationException($"step '{step.Id}' has no validator"),
            };
            var result = _engine._behaviours.Validators[validator](text, _context);
            if (!result.IsValid)
            {
                await FailAsync(result.Error!);
                return;
            }

            await AcceptAsync(Answer.Of(result.Value!, result.Display), result.Note);
        }

        private async Task HandleChoiceAsync(StepDefinition step, string text)
        {
            var options = _engine._prompter.Options(_context, step);
            var offered = _c.Offered is { } values ? options.Where(o => values.Contains(o.Value)).ToList() : null;
            var match = offered is { Count: > 0 } ? ChoiceMatcher.Match(text, offered) : ChoiceMatch.None;
            if (match.Chosen is null)
            {
                match = ChoiceMatcher.Match(text, options);
            }

            if (match.Chosen is { } chosen)
            {
                if (step.Kind == StepKind.Review)
                {
                    await ReviewAsync(chosen.Value);
                    return;
                }

                await AcceptAsync(Answer.Of(chosen.Value, chosen.Label), null);
                return;
            }

            if (match.Suggestions.Count > 0)
            {
                _c.Offered = match.Suggestions.Select(s => s.Value).ToList();
                Say(Texts["did_you_mean"], match.Suggestions.Select(s => s.Label).ToList(), Expects.Choice);
                return;
            }

            await FailAsync(Texts.Format("nothing_close", ("input", VietnameseText.Clean(text))) + " " + Texts["choose_one"]);
        }

        private async Task ReviewAsync(string value)
        {
            if (value == Prompter.Submit)
            {
                _c.ReturnTo = null;
                await AdvanceAsync();
                return;
            }

            _c.History.Add(_c.StepId);
            _c.ReturnTo = _c.StepId;
            await _machine.EditAsync(value[Prompter.EditPrefix.Length..]);
            AskCurrent();
        }

        private async Task AcceptAsync(Answer answer, string? note)
        {
            var step = Step;
            var old = _c.Answers.GetValueOrDefault(step.Id);
            _c.Answers[step.Id] = answer;
            if (old is not null && old.Value != answer.Value)
            {
                foreach (var cleared in step.Clears)
                {
                    if (_c.Answers.Remove(cleared, out var gone) && _dialog.Step(cleared).Kind == StepKind.Photo)
                    {
                        _result.PhotosToDelete.Add(gone.Value);
                    }
                }
            }

            if (note is not null)
            {
                Say(note);
            }

            await AdvanceAsync();
        }

        private async Task AdvanceAsync()
        {
            var step = Step;
            _c.Failures = 0;
            _c.Offered = null;
            _c.History.Add(step.Id);
            var next = StepMachine.NextOf(step, Holds);
            if (_c.ReturnTo is { } review)
            {
                // Changing one answer: skip what is already answered, stop at the first
                // gap the change opened, or at the review.
                var target = next;
                for (var guard = 0; target != review && _c.Answers.ContainsKey(target) && guard < _dialog.Steps.Count; guard++)
                {
                    target = StepMachine.NextOf(_dialog.Step(target), Holds);
                }

                if (target == review)
                {
                    _c.ReturnTo = null;
                }

                if (target != next)
                {
                    await _machine.ResumeAsync(target);
                    AskCurrent();
                    return;
                }
            }

            await _machine.AnswerAsync();
            AskCurrent();
        }

        private async Task FailAsync(string error)
        {
            var step = Step;
            _c.Failures++;
            var buttons = step.Kind is StepKind.Choice or StepKind.YesNo ? _engine._prompter.ButtonsFor(_context, step) : [];
            if (_c.Failures % 3 != 0)
            {
                Say(error, buttons, Prompter.ExpectsOf(step));
                return;
            }

            // Third failure in a row: stop repeating; explain differently, offer people.
            var example = step.Example is null ? "" : "\n" + Texts.Format("example", ("example", step.Example));
            Say(error);
            Say(Texts["stuck"] + "\n" + (step.Help ?? _engine._prompter.Fill(step.Prompt, _context)) + example);
            var contacts = _engine._content.Offices.ContactsText(
                _context.AnswerOf(Domain.RegistrationBehaviours.OfficeStep), _context.AnswerOf(Domain.RegistrationBehaviours.ProvinceStep));
            Say(Texts["contacts_offer"] + "\n" + contacts, buttons, Prompter.ExpectsOf(step));
        }

        private async Task RestartAsync()
        {
            if (_c.Status == ConversationStatus.Active)
            {
                ForgetAnswers();
            }
            else
            {
                // A submitted dossier keeps its photos; only the working copy goes.
                _c.Answers.Clear();
            }

            _c.History.Clear();
            _c.ReturnTo = null;
            _c.Offered = null;
            _c.Failures = 0;
            _c.Pending = null;
            _c.Status = ConversationStatus.Active;
            if (_dialog.Version != _engine._catalog.Current(_dialog.Id).Version)
            {
                _c.DialogVersion = _engine._catalog.Current(_dialog.Id).Version;
            }

            await _machine.RestartAsync();
            AskCurrent();
        }

        private void ForgetAnswers()
        {
            foreach (var step in _dialog.Steps.Where(s => s.Kind == StepKind.Photo))
            {
                if (_c.Answers.TryGetValue(step.Id, out var photo))
                {
                    _result.PhotosToDelete.Add(photo.Value);
                }
            }

            _c.Answers.Clear();
            _c.History.Clear();
            _c.ReturnTo = null;
            _c.Offered = null;
        }

        private bool Holds(Branch branch)
        {
            var when = branch.When;
            if (when == Branch.Always)
            {
                return true;
            }

            var notEquals = when.IndexOf("!=", StringComparison.Ordinal);
            if (notEquals > 0)
            {
                return _context.AnswerOf(when[..notEquals].Trim()) != when[(notEquals + 2)..].Trim();
            }

            var equals = when.IndexOf('=');
            if (equals > 0)
            {
                return _context.AnswerOf(when[..equals].Trim()) == when[(equals + 1)..].Trim();
            }

            return when.StartsWith('!')
                ? !_engine._behaviours.Conditions[when[1..]](_context)
                : _engine._behaviours.Conditions[when](_context);
        }

        private void Heard(Input input)
        {
            var text = input.Kind switch
            {
                InputKind.Photo => "[Ảnh]",
                InputKind.RejectedFile => "[Tệp không nhận được]",
                _ => VietnameseText.Clean(input.Text),
            };
            Append("user", text, [], Expects.None);
        }

        private void Say(string text, StepDefinition step) =>
            Say(text, step.Kind is StepKind.Choice or StepKind.YesNo ? _engine._prompter.ButtonsFor(_context, step) : [], Prompter.ExpectsOf(step));

        private void Say(string text, IReadOnlyList<string>? choices = null, string expects = Expects.None) =>
            Append("bot", text, choices ?? [], expects);

        private void Append(string from, string text, IReadOnlyList<string> choices, string expects)
        {
            _c.Seq++;
            _result.Transcript.Add(new TranscriptEntry
            {
                Id = $"{_c.Id}:{_c.Seq:D6}",
                ConversationId = _c.Id,
                Seq = _c.Seq,
                From = from,
                Text = text,
                Choices = [.. choices],
                Expects = expects,
                At = _context.Now,
            });
        }
    }
}
