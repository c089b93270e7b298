using VssBot.Core.Dialogs;
using VssBot.Core.Domain.Validation;

namespace VssBot.Core.Engine;

/// <summary>
/// The named C# pieces that dialog files refer to. A dialog file names them; the
/// loader refuses a file that names one that is not registered here.
/// </summary>
public sealed class StepBehaviours
{
    public Dictionary<string, Func<string, StepContext, Validation>> Validators { get; } = [];
    public Dictionary<string, IChoiceSource> Sources { get; } = [];
    public Dictionary<string, Func<StepContext, bool>> Conditions { get; } = [];
    public Dictionary<string, Action<StepContext, TurnResult>> Actions { get; } = [];

    /// <summary>Readers of a photo's content (the QR code on an ID card): the text read, or null.</summary>
    public Dictionary<string, Func<byte[], string?>> PhotoReaders { get; } = [];

    /// <summary>The answers an ID card's QR text gives, by step id (null when it is not one).</summary>
    public Func<string, DialogContent, IReadOnlyDictionary<string, Answer>?> CardAnswers { get; set; } = (_, _) => null;

    /// <summary>Where the person is, as the domain reads it from the answers (their office,
    /// province and ward): for contacts, the handoff queue and "{office}".</summary>
    public Func<StepContext, Whereabouts> Whereabouts { get; set; } = _ => Engine.Whereabouts.Unknown;

    /// <summary>The domain's own placeholders in a prompt ("{whose}", "{cccdYear}"…), filled.</summary>
    public Func<string, StepContext, string> Placeholders { get; set; } = (text, _) => text;

    /// <summary>The file a dossier's form 01 is sent as (its reference given).</summary>
    public Func<string, string> FormFile { get; set; } = reference => reference;

    /// <summary>True when a typed text may be an ID card's QR content (pasted from a scanner app).</summary>
    public Func<string, bool> LooksLikeCard { get; set; } = _ => false;

    public StepNames Names => new(
        Validators.Keys.ToHashSet(), Sources.Keys.ToHashSet(), Conditions.Keys.ToHashSet(), Actions.Keys.ToHashSet())
    {
        PhotoReaders = PhotoReaders.Keys.ToHashSet(),
    };
}
