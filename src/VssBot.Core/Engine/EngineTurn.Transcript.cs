using VssBot.Core.Dialogs;
using VssBot.Core.Text;

namespace VssBot.Core.Engine;

// Conditions on edges, and the transcript: what the person said and what the bot says.
internal sealed partial class EngineTurn
{
    private void Heard(Input input)
    {
        var text = input.Kind switch
        {
            InputKind.Photo => Texts["heard_photo"],
            InputKind.RejectedFile => Texts["heard_refused_file"],
            InputKind.Contact => Texts["heard_contact"],
            _ => VietnameseText.Clean(input.Text),
        };
        Append(Sender.User, text, [], Expects.None);
    }

    private void Say(string text, StepDefinition step) =>
        Say(text, step.Kind is StepKind.Choice or StepKind.YesNo ? _engine.Prompter.ButtonsFor(Context, step) : [], Prompter.ExpectsOf(step));

    private void Say(string text, IReadOnlyList<string>? choices = null, string expects = Expects.None) =>
        Append(Sender.Bot, text, choices ?? [], expects);

    private void Append(Sender from, string text, IReadOnlyList<string> choices, string expects)
    {
        _c.Seq++;
        _result.Transcript.Add(new TranscriptEntry
        {
            ConversationId = _c.Id,
            Seq = _c.Seq,
            From = from,
            Text = text,
            Choices = [.. choices],
            Expects = expects,
            At = Context.Now,
        });
    }
}
