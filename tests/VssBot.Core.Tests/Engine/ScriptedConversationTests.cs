using VssBot.Core.Tests.Support;

namespace VssBot.Core.Tests.Engine;

public sealed class ScriptedConversationTests
{
    [Theory]
    [MemberData(nameof(ConversationScript.All), MemberType = typeof(ConversationScript))]
    public Task EachScriptedConversationGoesAsWritten(string script) => ConversationScript.RunAsync(script);
}
