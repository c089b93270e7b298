namespace VssBot.Core.Dialogs;

/// <summary>The names a dialog file may refer to: validators, choice sources,
/// conditions and actions registered in C#.</summary>
public sealed record StepNames(
    IReadOnlySet<string> Validators,
    IReadOnlySet<string> Sources,
    IReadOnlySet<string> Conditions,
    IReadOnlySet<string> Actions)
{
    /// <summary>Readers of photos' content (the ID card's QR code).</summary>
    public IReadOnlySet<string> PhotoReaders { get; init; } = new HashSet<string>();
}
