namespace VssBot.Core.Dialogs;

/// <summary>What a step expects from the person.</summary>
public enum StepKind
{
    Text,
    Choice,
    YesNo,
    Phone,
    Date,
    Email,
    Photo,
    Review,

    /// <summary>Free questions answered from the FAQ, until the person moves on.</summary>
    Faq,

    /// <summary>The end of a dialog run (a dossier sent, consent declined). With choices and
    /// a next step it offers what to do next; without, the conversation is over.</summary>
    End,
}
