using VssBot.Core.Engine;

namespace VssBot.Lists;

/// <summary>Someone who started through a unit's link and sent no dossier: what they gave
/// so far of their name and phone, and the step they are at (null at the menu).</summary>
public sealed record UnfinishedPerson(string ConversationId, string? Name, string? Phone, UnfinishedPerson.At? Step, DateTimeOffset StartedAt, DateTimeOffset? RemindedAt)
{
    public sealed record At(int Number, int Of, string Label);

    public static UnfinishedPerson Of(Conversation c, DialogContent content)
    {
        At? step = null;
        if (content.Dialogs.TryGetValue(c.DialogId, out var dialog) && dialog.Id != "menu")
        {
            var index = dialog.Steps.ToList().FindIndex(s => s.Id == c.StepId);
            var current = index >= 0 ? dialog.Steps[index] : null;
            step = new At(Math.Max(1, index + 1), dialog.Steps.Count, current?.Label ?? dialog.Title);
        }

        return new UnfinishedPerson(c.Id,
            c.Answers.GetValueOrDefault("full_name")?.Display ?? c.Answers.GetValueOrDefault("c_guardian_name")?.Display,
            c.Answers.GetValueOrDefault("phone")?.Display, step, c.CreatedAt, c.RemindedAt);
    }
}
