using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VssBot.Core.Conversations;
using VssBot.Core.Engine;

namespace VssBot.Channels.Zalo;

/// <summary>Carries staff replies, decisions, reminders and the login question to people on
/// Zalo: into the outbox of the same commit; the sender keeps Zalo's windows.</summary>
internal sealed class ZaloReplyChannel(IServiceProvider services, IOptions<ZaloOptions> options, TimeProvider clock) : IReplyChannel
{
    public void Prepare(TurnResult turn)
    {
        if (!options.Value.Enabled || turn.Conversation.Channel != ZaloChannel.Name || turn.Conversation.ChannelAddress is not { } user)
        {
            return;
        }

        turn.Outbox.AddRange(ZaloConversations.ToOutbox(turn, user, clock.GetUtcNow()));
        services.GetRequiredService<ZaloSender>().Wake();
    }
}

/// <summary>Tells staff when a Zalo conversation is past the 48-hour reply window; says a
/// person is out of reach for reminders past the 7-day consultation window.</summary>
internal sealed class ZaloNotice(ZaloTexts texts) : IChannelNotice, IChannelWindow
{
    public bool CanReach(Conversation conversation, DateTimeOffset now) =>
        conversation.Channel != ZaloChannel.Name || (conversation.HeardAt is { } heard && now - heard <= ZaloSender.ConsultationWindow);

    public static readonly TimeSpan ReplyWindow = TimeSpan.FromHours(48);

    public string? NoticeFor(Conversation conversation, DateTimeOffset now) =>
        conversation.Channel == ZaloChannel.Name && conversation.HeardAt is { } heard && now - heard > ReplyWindow ? texts["zalo_outside_window"] : null;
}
