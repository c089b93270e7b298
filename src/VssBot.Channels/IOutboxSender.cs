using VssBot.Core.Conversations;

namespace VssBot.Channels;

/// <summary>A channel's way of sending one outbox message; <see cref="OutboxDrain"/> does the rest.</summary>
public interface IOutboxSender
{
    string Channel { get; }

    /// <summary>Least time between two messages to one address.</summary>
    TimeSpan IntervalFor(OutboxMessage message);

    /// <summary>At most this many messages a second, over all addresses.</summary>
    int MessagesPerSecond { get; }

    Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken stoppingToken);
}
