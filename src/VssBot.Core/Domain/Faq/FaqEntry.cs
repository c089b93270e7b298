namespace VssBot.Core.Domain.Faq;

/// <summary>A question people ask, other ways they ask it, and the answer.</summary>
public sealed record FaqEntry(string Id, string Question, IReadOnlyList<string> Phrasings, string Answer);
