using VssBot.Core.Domain;
using VssBot.Core.Engine;
using VssBot.Core.Tests.Support;

namespace VssBot.Core.Tests.Engine;

public sealed class DialogVersionTests
{
    [Fact]
    public async Task AConversationOnAStepThatAnEditRemovedFinishesOnItsArchivedVersion()
    {
        var current = EngineHarness.Content;
        var dialog = current.Dialogs["adult-registration"];
        // The older version had an extra step "nickname" between name and document type.
        var oldText = dialog.SourceText.Replace("    next: id_type\n\n  - id: id_type", "    next: nickname\n\n  - id: nickname\n    kind: text\n    validator: fullName\n    prompt: Tên thường gọi?\n    next: id_type\n\n  - id: id_type");
        Assert.NotEqual(dialog.SourceText, oldText);
        var behaviours = RegistrationBehaviours.Create();
        var oldDialog = VssBot.Core.Dialogs.DialogLoader.Parse("old", oldText, behaviours.Names);
        var engine = new DialogEngine(current, behaviours, (id, version) => version == oldDialog.Version ? oldText : null);
        var conversation = new Conversation
        {
            Id = "c1", DialogId = dialog.Id, DialogVersion = oldDialog.Version, StepId = "nickname",
            Answers = { ["full_name"] = Answer.Of("Nguyễn Văn An") },
            History = ["consent", "bhxh_code", "full_name"],
        };

        var turn = await engine.TurnAsync(conversation, Input.Of("Bé An"), DateTimeOffset.UtcNow);

        Assert.Equal("id_type", conversation.StepId);
        Assert.Contains("Bước 3", turn.Replies.Last().Text);
        // On a step the new version still has, the conversation moves to the new version.
        await engine.TurnAsync(conversation, Input.Of("CCCD"), DateTimeOffset.UtcNow);
        Assert.Equal(dialog.Version, conversation.DialogVersion);
        Assert.Equal("id_number", conversation.StepId);
    }
}
