using System.Collections.Concurrent;
using VssBot.Core.Dialogs;

namespace VssBot.Core.Engine;

/// <summary>
/// Finds the dialog a stored conversation runs. When its file was edited since, the
/// conversation moves to the new version if its step still exists there; otherwise it
/// finishes on the archived version it started with.
/// </summary>
public sealed class DialogCatalog(DialogContent content, StepBehaviours behaviours, Func<string, string, string?> archivedSource)
{
    private readonly ConcurrentDictionary<string, DialogDefinition?> _archived = new();

    public DialogDefinition Current(string dialogId) => content.Dialogs[dialogId];

    public DialogDefinition For(Conversation conversation)
    {
        var current = content.Dialogs.GetValueOrDefault(conversation.DialogId)
            ?? throw new InvalidOperationException($"dialog '{conversation.DialogId}' is not loaded");
        if (current.Version == conversation.DialogVersion)
        {
            return current;
        }

        if (current.HasStep(conversation.StepId))
        {
            conversation.DialogVersion = current.Version;
            return current;
        }

        var archived = _archived.GetOrAdd($"{conversation.DialogId}@{conversation.DialogVersion}", _ =>
            archivedSource(conversation.DialogId, conversation.DialogVersion) is { } text
                ? DialogLoader.Parse($"{conversation.DialogId}@{conversation.DialogVersion}", text, behaviours.Names)
                : null);
        if (archived is not null && archived.HasStep(conversation.StepId))
        {
            return archived;
        }

        // Neither version knows the step: start the current version again, answers kept.
        conversation.DialogVersion = current.Version;
        conversation.StepId = current.Start;
        return current;
    }
}
