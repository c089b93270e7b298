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
    End,
}
