namespace VssBot.Core.Engine.Steps;

/// <summary>
/// One job in a turn: given what the person sent, either handle it (true: the turn is
/// decided) or leave it to the next step. <see cref="TurnPipeline.Steps"/> lists them in
/// order; a new behaviour is a new step in that list.
/// </summary>
internal interface ITurnStep
{
    bool TryHandle(EngineTurn turn, Input input);
}
