using System.Security.Cryptography;
using System.Text;

namespace VssBot.Core.Dialogs;

/// <summary>
/// Reads dialog files and refuses any that cannot run: unknown validators, sources,
/// conditions or actions, edges to missing steps, steps that cannot be left.
/// </summary>
public static class DialogLoader
{
    public static DialogDefinition Parse(string fileName, string text, StepNames names)
    {
        var file = YamlFile.Parse<DialogFile>(fileName, text);
        var id = Required(fileName, null, "id", file.Id);
        var steps = (file.Steps ?? []).Select(s => ToStep(fileName, s, names)).ToList();
        if (steps.Count == 0)
        {
            throw new DialogFileException(fileName, null, "no steps");
        }

        var duplicate = steps.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DialogFileException(fileName, duplicate.Key, "the step id is used twice");
        }

        var dialog = new DialogDefinition
        {
            Id = id,
            Title = Required(fileName, null, "title", file.Title),
            Start = file.Start ?? steps[0].Id,
            Steps = steps,
            Version = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12].ToLowerInvariant(),
            SourceText = text,
        };
        CheckEdges(fileName, dialog);
        return dialog;
    }

    private static void CheckEdges(string fileName, DialogDefinition dialog)
    {
        if (!dialog.HasStep(dialog.Start))
        {
            throw new DialogFileException(fileName, null, $"start step '{dialog.Start}' does not exist");
        }

        foreach (var step in dialog.Steps)
        {
            foreach (var edge in step.Edges.Where(e => !e.LeavesDialog))
            {
                if (!dialog.HasStep(edge.Goto))
                {
                    throw new DialogFileException(fileName, step.Id, $"goes to step '{edge.Goto}', which does not exist");
                }

                if (edge.Goto == step.Id)
                {
                    throw new DialogFileException(fileName, step.Id, "goes to itself");
                }
            }

            foreach (var implied in step.Implies.Keys.Where(k => !dialog.HasStep(k)))
            {
                throw new DialogFileException(fileName, step.Id, $"implies step '{implied}', which does not exist");
            }

            foreach (var cleared in step.Clears)
            {
                if (!dialog.HasStep(cleared))
                {
                    throw new DialogFileException(fileName, step.Id, $"clears step '{cleared}', which does not exist");
                }
            }

            if (step.Kind != StepKind.End && step.Next is null)
            {
                throw new DialogFileException(fileName, step.Id, "has no 'next' step: every step but an end step needs one as its fallback");
            }
        }
    }

    private static StepDefinition ToStep(string fileName, StepFile s, StepNames names)
    {
        var id = Required(fileName, null, "id of a step", s.Id);
        var kindText = Required(fileName, id, "kind", s.Kind);
        if (!Enum.TryParse<StepKind>(kindText, ignoreCase: true, out var kind))
        {
            throw new DialogFileException(fileName, id, $"unknown kind '{kindText}' (one of: {string.Join(", ", Enum.GetNames<StepKind>().Select(n => n.ToLowerInvariant()))})");
        }

        CheckName(fileName, id, "validator", s.Validator, names.Validators);
        CheckName(fileName, id, "source", s.Source, names.Sources);
        CheckName(fileName, id, "action", s.OnEnter, names.Actions);
        CheckName(fileName, id, "photo reader", s.Reads, names.PhotoReaders);
        var branches = (s.Branches ?? []).Select(b =>
        {
            var when = Required(fileName, id, "when of a branch", b.When);
            var target = Required(fileName, id, "goto of a branch", b.Goto);
            Branch branch;
            try
            {
                branch = new Branch(when, target);
            }
            catch (FormatException e)
            {
                throw new DialogFileException(fileName, id, e.Message);
            }

            if (branch.Condition is Condition.Named named)
            {
                CheckName(fileName, id, "condition", named.Name, names.Conditions);
            }

            return branch;
        }).ToList();
        var choices = (s.Choices ?? []).Select(c => new ChoiceDefinition(
            Required(fileName, id, "value of a choice", c.Value),
            Required(fileName, id, "label of a choice", c.Label),
            c.Aliases ?? [])).ToList();
        if (kind == StepKind.End && choices.Count > 0 && s.Next is null)
        {
            throw new DialogFileException(fileName, id, "an end step with choices needs a 'next' step");
        }

        if (kind == StepKind.Choice && choices.Count == 0 && s.Source is null)
        {
            throw new DialogFileException(fileName, id, "a choice step needs 'choices' or a 'source'");
        }

        if (s.Ahead && s.Validator is null && kind is not (StepKind.Phone or StepKind.Date or StepKind.Email))
        {
            throw new DialogFileException(fileName, id, "a step that takes answers 'ahead' needs a 'validator'");
        }

        if (kind == StepKind.Text && s.Validator is null)
        {
            throw new DialogFileException(fileName, id, "a text step needs a 'validator'");
        }

        return new StepDefinition
        {
            Id = id,
            Kind = kind,
            Prompt = Required(fileName, id, "prompt", s.Prompt).Trim(),
            Label = s.Label,
            Help = s.Help?.Trim(),
            Example = s.Example,
            Validator = s.Validator,
            Source = s.Source,
            Choices = choices,
            Optional = s.Optional,
            Clears = s.Clears ?? [],
            Branches = branches,
            Next = s.Next,
            OnEnter = s.OnEnter,
            Prefill = s.Prefill,
            Transient = s.Transient,
            Shared = s.Shared,
            Ahead = s.Ahead,
            Reads = s.Reads,
            Portrait = s.Portrait,
            Card = s.Card,
            Implies = s.Implies ?? [],
        };
    }

    private static void CheckName(string fileName, string step, string what, string? name, IReadOnlySet<string> known)
    {
        if (name is not null && !known.Contains(name))
        {
            throw new DialogFileException(fileName, step, $"unknown {what} '{name}' (known: {string.Join(", ", known.Order())})");
        }
    }

    private static string Required(string fileName, string? step, string what, string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new DialogFileException(fileName, step, $"'{what}' is missing")
            : value;
}
