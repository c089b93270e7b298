namespace VssBot.Core.Dialogs;

/// <summary>A data file under dialogs/ that cannot be used; the message names the file,
/// the step and the fault so that an operator can fix it.</summary>
public sealed class DialogFileException(string file, string? step, string fault)
    : Exception(step is null ? $"{file}: {fault}" : $"{file}: step '{step}': {fault}")
{
    public string File { get; } = file;
    public string? StepId { get; } = step;
    public string Fault { get; } = fault;
}
