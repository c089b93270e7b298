using VssBot.Core.Dialogs;
using VssBot.Core.Engine;

namespace VssBot.Channels;

/// <summary>A channel's own messages live in dialogs/messages.yaml under its prefix; a
/// missing one stops start-up with the file and the keys.</summary>
public static class ChannelTexts
{
    public static EngineTexts Require(DialogContent content, IEnumerable<string> keys)
    {
        var missing = keys.Where(k => !content.Texts.Has(k)).ToList();
        if (missing.Count > 0)
        {
            throw new DialogFileException("messages.yaml", null, $"missing messages: {string.Join(", ", missing)}");
        }

        return content.Texts;
    }
}
