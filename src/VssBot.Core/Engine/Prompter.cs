using VssBot.Core.Dialogs;
using VssBot.Core.Domain.Validation;
using VssBot.Core.Text;

namespace VssBot.Core.Engine;

/// <summary>Turns a step into the message that asks for it: prompt, current answer,
/// buttons, and what kind of answer is expected.</summary>
internal sealed class Prompter(DialogContent content, StepBehaviours behaviours)
{
    public const string Submit = "submit";
    public const string EditPrefix = "edit:";

    /// <summary>How many FAQ questions a FAQ step offers as buttons.</summary>
    public const int FaqButtons = 6;

    private EngineTexts Texts => content.Texts;

    public Reply Prompt(StepContext context, StepDefinition step)
    {
        var text = Fill(step.Prompt, context);
        var choices = new List<string>();
        var conversation = context.Conversation;
        switch (step.Kind)
        {
            case StepKind.Choice or StepKind.YesNo:
                if (step.Source is not null && behaviours.Sources[step.Source].Describe(context) is { } described)
                {
                    text += "\n\n" + described;
                }

                choices.AddRange(ButtonsFor(context, step));
                break;
            case StepKind.Review:
                text += "\n\n" + Summary(context);
                choices.AddRange(Options(context, step).Select(o => o.Label));
                break;
            case StepKind.End when step.Next is null:
                choices.Add(Texts["restart_button"]);
                break;
            case StepKind.End:
                choices.AddRange(Options(context, step).Select(o => o.Label));
                break;
            case StepKind.Faq:
                choices.AddRange(content.Faq.Entries.Where(e => !e.Handoff).Take(FaqButtons).Select(e => e.Question));
                choices.Add(Texts["menu_button"]);
                break;
        }

        if (step.Kind is not (StepKind.Review or StepKind.End or StepKind.Faq) && conversation.Answers.TryGetValue(step.Id, out var current))
        {
            text += "\n\n" + Texts.Format("current_answer", ("answer", current.Display));
            choices.Add(Texts["keep_button"]);
        }

        if (step.Optional)
        {
            choices.Add(Texts["skip_button"]);
        }

        return new Reply(text, choices, ExpectsOf(step));
    }

    /// <summary>The buttons of a choice step: the suggestions just offered, or every
    /// option when they fit.</summary>
    public IReadOnlyList<string> ButtonsFor(StepContext context, StepDefinition step)
    {
        var options = Options(context, step);
        if (context.Conversation.Offered is { } offered)
        {
            return options.Where(o => offered.Contains(o.Value)).Select(o => o.Label).ToList();
        }

        var showAll = step.Source is null || behaviours.Sources[step.Source].ShowAll(context);
        return showAll ? options.Select(o => o.Label).ToList() : [];
    }

    public IReadOnlyList<ChoiceOption> Options(StepContext context, StepDefinition step)
    {
        if (step.Kind == StepKind.Review)
        {
            var review = new List<ChoiceOption> { ChoiceOption.Of(Submit, Texts["review_submit"], "gui", "gui di", "nop", "nop ho so") };
            review.AddRange(context.Dialog.Steps
                .Where(s => s.Label is not null && context.Conversation.Answers.ContainsKey(s.Id))
                .Select(s => ChoiceOption.Of(EditPrefix + s.Id, Texts.Format("review_edit", ("label", s.Label!)), s.Label!, "sua " + s.Label)));
            return review;
        }

        if (step.Source is not null)
        {
            return behaviours.Sources[step.Source].Options(context);
        }

        if (step.Choices.Count > 0)
        {
            return step.Choices.Select(c => ChoiceOption.Of(c.Value, c.Label, [.. c.Aliases])).ToList();
        }

        return YesNo();
    }

    public IReadOnlyList<ChoiceOption> YesNo() =>
    [
        ChoiceOption.Of("yes", Texts["yes_button"], [.. content.Commands.Phrases(Command.Yes)]),
        ChoiceOption.Of("no", Texts["no_button"], [.. content.Commands.Phrases(Command.No)]),
    ];

    public static string ExpectsOf(StepDefinition step) => step.Kind switch
    {
        StepKind.Choice or StepKind.YesNo or StepKind.Review => Expects.Choice,
        StepKind.Photo => Expects.Photo,
        StepKind.Phone => Expects.Phone,
        StepKind.Date => Expects.Date,
        StepKind.End => Expects.Choice,
        StepKind.Faq => Expects.Text,
        _ => Expects.Text,
    };

    /// <summary>Placeholders in prompts: the domain's own (StepBehaviours.Placeholders: {whose}, {cccdYear},
    /// {birthYear}), {step}, {reference}, {office}, {hotline}, {contacts}, {photoDays}, {abandonedDays},
    /// {answer:step_id}, {guardian:step_id}.</summary>
    public string Fill(string text, StepContext context)
    {
        if (!text.Contains('{'))
        {
            return text;
        }

        var c = context.Conversation;
        var where = behaviours.Whereabouts(context);
        var office = where.OfficeId is { } officeId ? content.Offices.Find(officeId) : null;
        if (text.Contains("{step}", StringComparison.Ordinal))
        {
            text = text.Replace("{step}", content.Texts.Format("step_number", ("n", StepNumber(context).ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        text = behaviours.Placeholders(text, context)
            .Replace("{photoDays}", content.Retention.PhotoDays.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{abandonedDays}", content.Retention.AbandonedDays.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{reference}", c.Dossiers.LastOrDefault() ?? "")
            .Replace("{office}", office?.Name ?? content.Texts["office_unknown"])
            .Replace("{hotline}", content.Offices.HotlinePhone)
            .Replace("{contacts}", content.Offices.ContactsText(content.Texts, office?.Id, where.ProvinceId, where.WardId));
        foreach (var (stepId, answer) in c.Answers)
        {
            text = text.Replace("{answer:" + stepId + "}", answer.Display);
        }

        foreach (var (key, answer) in c.Guardian)
        {
            text = text.Replace("{guardian:" + key + "}", answer.Display);
        }

        return text;
    }

    /// <summary>The step's number on the way this person came: one more than the numbered
    /// steps ("{step}" in their prompt) of this run of the dialog answered before it, so a
    /// passport holder, who has one photo fewer, is not told of a step they skipped.</summary>
    private static int StepNumber(StepContext context)
    {
        var c = context.Conversation;
        var dialog = context.Dialog;
        var seen = new HashSet<string>();
        for (var i = c.History.Count - 1; i >= 0 && dialog.HasStep(c.History[i]); i--)
        {
            var id = c.History[i];
            if (id != c.StepId && dialog.Step(id).Prompt.Contains("{step}", StringComparison.Ordinal))
            {
                seen.Add(id);
            }
        }

        return seen.Count + 1;
    }

    private static string Summary(StepContext context) =>
        string.Join('\n', context.Dialog.Steps
            .Where(s => s.Label is not null && context.Conversation.Answers.ContainsKey(s.Id))
            .Select(s => $"• {s.Label}: {context.Conversation.Answers[s.Id].Display}"));
}
