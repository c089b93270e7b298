namespace VssBot.Core.Dialogs;

// The shape of a dialog file as YAML gives it, before it is checked.
internal sealed class DialogFile
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Start { get; set; }
    public List<StepFile>? Steps { get; set; }
}

internal sealed class StepFile
{
    public string? Id { get; set; }
    public string? Kind { get; set; }
    public string? Prompt { get; set; }
    public string? Label { get; set; }
    public string? Help { get; set; }
    public string? Example { get; set; }
    public string? Validator { get; set; }
    public string? Source { get; set; }
    public List<ChoiceFile>? Choices { get; set; }
    public bool Optional { get; set; }
    public List<string>? Clears { get; set; }
    public List<BranchFile>? Branches { get; set; }
    public string? Next { get; set; }
    public string? OnEnter { get; set; }
    public string? Prefill { get; set; }
    public bool Transient { get; set; }
    public bool Shared { get; set; }
    public bool Ahead { get; set; }
    public string? Reads { get; set; }
    public bool Portrait { get; set; }
    public bool Card { get; set; }
    public Dictionary<string, string>? Implies { get; set; }
}

internal sealed class ChoiceFile
{
    public string? Value { get; set; }
    public string? Label { get; set; }
    public List<string>? Aliases { get; set; }
}

internal sealed class BranchFile
{
    public string? When { get; set; }
    public string? Goto { get; set; }
}
