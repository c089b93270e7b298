using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VssBot.Core.Conversations;
using VssBot.Core.Engine;

namespace VssBot.Channels.Telegram;

/// <summary>Carries staff replies and notices to people on Telegram: into the outbox of
/// the same commit, then the sender sends them.</summary>
internal sealed class TelegramReplyChannel(IServiceProvider services, IOptions<TelegramOptions> options, TimeProvider clock) : IReplyChannel
{
    public void Prepare(TurnResult turn)
    {
        if (!options.Value.Enabled || turn.Conversation.Channel != TelegramChannel.Name || turn.Conversation.ChannelAddress is not { } chat)
        {
            return;
        }

        turn.Outbox.AddRange(TelegramConversations.ToOutbox(turn, chat, clock.GetUtcNow()));
        turn.Outbox.AddRange(TelegramConversations.FilesToOutbox(turn, chat, clock.GetUtcNow()));
        services.GetRequiredService<TelegramSender>().Wake();
    }
}
