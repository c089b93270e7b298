namespace VssBot.Core.Domain.Faq;

/// <summary>A question people ask, other ways they ask it, and the answer; <see cref="Offer"/>
/// names buttons of the step the person is on (the main menu's options) to show with it.</summary>
public sealed record FaqEntry(string Id, string Question, IReadOnlyList<string> Phrasings, string Answer)
{
    public IReadOnlyList<string> Offer { get; init; } = [];

    /// <summary>A matter this assistant does not handle (benefits, pension, BHYT contributions…):
    /// its answer says where to go, and a person is offered with it.</summary>
    public bool Handoff { get; init; }
}
