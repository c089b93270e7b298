using VssBot.Core.Engine;

namespace VssBot.Core.Tests.Engine;

/// <summary>
/// The typed confirmations and commands keep the stored and configured shapes operators and
/// stored conversations already have: a conversation saved before waits for the same thing
/// after, and dialogs/commands.yaml keeps its keys.
/// </summary>
public sealed class StoredShapeTests
{
    [Theory]
    [InlineData("restart", typeof(PendingConfirmation.Restart))]
    [InlineData("cancel", typeof(PendingConfirmation.Cancel))]
    [InlineData("erase", typeof(PendingConfirmation.Erase))]
    [InlineData("handoff", typeof(PendingConfirmation.Handoff))]
    [InlineData("card", typeof(PendingConfirmation.Offer))]
    [InlineData("fix", typeof(PendingConfirmation.Offer))]
    [InlineData("fill", typeof(PendingConfirmation.Offer))]
    public void AStoredConfirmationReadsAsItsTypeAndIsStoredBackUnchanged(string stored, Type type)
    {
        var answers = new Dictionary<string, Answer> { ["id_number"] = Answer.Of("001090012345", "001090012345") };
        var conversation = new Conversation { Id = "c", Pending = stored, Card = stored is "card" or "fix" or "fill" ? answers : null };

        var pending = PendingConfirmation.Of(conversation);
        Assert.IsType(type, pending);
        var again = new Conversation { Id = "c" };
        PendingConfirmation.Set(again, pending);

        Assert.Equal(stored, again.Pending);
        Assert.Equal(conversation.Card?.Keys, again.Card?.Keys);
    }

    [Fact]
    public void AnUnknownStoredConfirmationIsNamedNotGuessed()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PendingConfirmation.Of(new Conversation { Id = "c9", Pending = "launch" }));
        Assert.Contains("'launch'", error.Message);
    }

    [Fact]
    public void EveryCommandHasTheKeyTheCommandsFileUses()
    {
        Assert.Equal(
            ["back", "cancel", "help", "restart", "keep", "skip", "yes", "no", "menu", "erase", "handoff", "form", "status", "stop_reminders"],
            Enum.GetValues<Command>().Select(c => CommandWords.Keys[c]));
    }
}
