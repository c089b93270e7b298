using VssBot.Core.Engine;
using VssBot.Core.Text;

namespace VssBot.Channels;

/// <summary>
/// The first message of a new chat on a messenger opens its conversation at the menu (the
/// greeting). When that message already says what the person wants ("cho tôi hỏi chế độ thai
/// sản…"), it is answered too, right after the greeting, instead of being dropped; a greeting
/// ("xin chào", "alo") or a start command gets the greeting alone.
/// </summary>
public static class FirstMessage
{
    /// <summary>Words from which a first message says what the person wants.</summary>
    public const int Words = 3;

    public static bool WorthAnswering(Input? input) =>
        input is { Kind: InputKind.Text } && VietnameseText.Clean(input.Text).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= Words;
}
