namespace VssBot.Core.Dialogs;

/// <summary>A conversation flow loaded from one file under dialogs/.</summary>
public sealed record DialogDefinition
{
    public required string Id { get; init; }

    /// <summary>Hash of the file's bytes: conversations record it so that an edited
    /// file does not break conversations in flight.</summary>
    public required string Version { get; init; }
    public required string Title { get; init; }
    public required string Start { get; init; }
    public required IReadOnlyList<StepDefinition> Steps { get; init; }
    public required string SourceText { get; init; }

    private Dictionary<string, StepDefinition>? _byId;

    public StepDefinition Step(string id) =>
        (_byId ??= Steps.ToDictionary(s => s.Id))[id];

    public bool HasStep(string id) => (_byId ??= Steps.ToDictionary(s => s.Id)).ContainsKey(id);
}
