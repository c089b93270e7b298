namespace VssBot.Core.Engine.Steps;

/// <summary>A dossier reference typed alone ("VB-…"): its status when it is this
/// conversation's, never anyone else's.</summary>
internal sealed class ReferenceLookupStep : ITurnStep
{
    public bool TryHandle(EngineTurn turn, Input input) => turn.AnswerReference(input.Text);
}
