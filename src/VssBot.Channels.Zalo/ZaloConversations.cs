using VssBot.Channels;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using VssBot.Core.Conversations;
using VssBot.Core.Engine;
using VssBot.Core.Photos;

namespace VssBot.Channels.Zalo;

/// <summary>
/// Handles one Zalo user's recorded events: finds or opens their conversation (a follow, or
/// the first message, opens it at the menu), turns text, photos, files, the shared phone
/// number and the unreadable kinds into inputs, and puts the replies in the outbox in the
/// same commit that marks the events handled. Messages held outside Zalo's window go out
/// once the person writes again.
/// </summary>
internal sealed class ZaloConversations(
    ConversationService conversations,
    IChannelStore channelStore,
    ZaloApi api,
    PhotoIntake photos,
    ZaloTexts texts,
    ZaloSender sender,
    TimeProvider clock,
    ILogger<ZaloConversations> logger)
{
    public async Task HandleAsync(IReadOnlyList<ChannelUpdate> group, CancellationToken cancellationToken)
    {
        foreach (var record in group)
        {
            await HandleOneAsync(record, cancellationToken);
        }

        sender.Wake();
    }

    private async Task HandleOneAsync(ChannelUpdate record, CancellationToken cancellationToken)
    {
        var user = record.Address;
        var e = ZaloEvent.Parse(JsonNode.Parse(record.Payload));
        if (e is null || e.Name == ZaloEvent.Unfollow)
        {
            await channelStore.MarkHandledAsync(record.Id);
            return;
        }

        var link = ZaloChannel.LinkId(user);
        var conversationId = channelStore.LinkedConversation(link);
        if (conversationId is null)
        {
            // A follow ("Quan tâm") or the first message opens the conversation at the menu; a
            // first message that says what the person wants is answered after the greeting (the
            // event is marked handled with that answer).
            var answerToo = e.Name == ZaloEvent.SendText && FirstMessage.WorthAnswering(Input.Of(e.Text ?? ""));
            await conversations.StartAsync(ZaloChannel.Name, beforeCommit: turn =>
            {
                turn.Links.Add(new ChannelLink { Id = link, ConversationId = turn.Conversation.Id });
                Finish(turn, record, user, e.MessageId, send: true, mark: !answerToo);
            });
            conversationId = channelStore.LinkedConversation(link);
            logger.LogInformation("Zalo user opened conversation {ConversationId}", conversationId);
            if (!answerToo || conversationId is null)
            {
                await ReleaseHeldAsync(user);
                return;
            }
        }

        var inputs = await InputsAsync(e, cancellationToken);
        for (var i = 0; i < inputs.Count; i++)
        {
            var last = i == inputs.Count - 1;
            var input = inputs[i];
            await conversations.TurnAsync(conversationId, input, turn =>
            {
                // Several photos in one message: only the last one's answer goes out, with any refusal before it.
                var send = last || (input.Kind == InputKind.Photo && turn.PhotosToStore.Count == 0) || input.Kind == InputKind.RejectedFile;
                if (last)
                {
                    turn.HandledUpdates.Add(record.Id);
                }

                Finish(turn, record, user, e.MessageId, send, mark: false);
            });
        }

        // After the turn, whose commit says when the person last wrote.
        await ReleaseHeldAsync(user);
    }

    private async Task<List<Input>> InputsAsync(ZaloEvent e, CancellationToken cancellationToken)
    {
        switch (e.Name)
        {
            case ZaloEvent.Follow:
                return [Input.Of("menu")]; // a word of dialogs/commands.yaml
            case ZaloEvent.SendText:
                return [Input.Of(e.Text ?? "")];
            case ZaloEvent.SubmitInfo when e.Phone is { Length: > 0 } phone:
                // The person tapped "share": their own number, as Zalo knows it (84…).
                return [Input.OfContact(phone.StartsWith('+') ? phone : "+" + phone, verified: true)];
            case ZaloEvent.Image or ZaloEvent.File when e.Attachments.Count > 0:
                var inputs = new List<Input>();
                foreach (var attachment in e.Attachments.Where(a => a.Url is not null))
                {
                    inputs.Add(await DownloadAsync(attachment.Url!, cancellationToken));
                }

                return inputs.Count > 0 ? inputs : [Input.Refused(texts["zalo_unsupported"])];
            default:
                return [Input.Refused(texts["zalo_unsupported"])];
        }
    }

    private async Task<Input> DownloadAsync(string url, CancellationToken cancellationToken)
    {
        byte[]? bytes;
        try
        {
            bytes = await api.DownloadAsync(url, photos.Options.MaxBytes, cancellationToken);
        }
        catch (Exception error) when (error is HttpRequestException or IOException
            || (error is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The platform's file could not be fetched (refused, gone, timed out): say so, and
            // the step waits for the photo again. "Too large" only when it is.
            logger.LogWarning(error, "Zalo photo download failed");
            return Input.Refused(texts["zalo_download_failed"]);
        }

        if (bytes is null)
        {
            return Input.Refused(photos.TooLargeMessage);
        }

        // A file that is not an image gets the same refusal as on every channel.
        var check = await photos.CheckAsync(bytes, cancellationToken);
        return check.Accepted ? Input.OfPhoto(check.Jpeg!) with { PhotoFindings = check.Findings } : Input.Refused(check.Refusal!);
    }

    private void Finish(TurnResult turn, ChannelUpdate record, string user, string? messageId, bool send, bool mark = true)
    {
        if (mark)
        {
            turn.HandledUpdates.Add(record.Id);
        }

        turn.Conversation.ChannelAddress = user;
        if (send)
        {
            turn.Outbox.AddRange(ToOutbox(turn, user, clock.GetUtcNow(), messageId));
        }
    }

    /// <summary>A turn's replies as Zalo messages (2,000 characters at most, cut at sentences),
    /// each document as its own, and the phone step's share card after its text.</summary>
    internal static IEnumerable<OutboxMessage> ToOutbox(TurnResult turn, string user, DateTimeOffset now, string? replyTo = null)
    {
        var messages = TurnOutbox.Replies(ZaloChannel.Name, turn, user, now, ZaloMessages.MaxText, replyTo: replyTo).ToList();
        if (messages.LastOrDefault() is { Expects: Expects.Phone } asking)
        {
            messages.Add(new OutboxMessage
            {
                Id = asking.Id + ":phone", Channel = ZaloChannel.Name, Address = user, ConversationId = asking.ConversationId,
                Seq = asking.Seq, Expects = Expects.Phone, CreatedAt = now.AddTicks(1),
            });
        }

        return [.. messages, .. TurnOutbox.Files(ZaloChannel.Name, turn, user, now.AddTicks(2), 0)];
    }

    // The person wrote: what waited for them (outside the window) may go now, first.
    private async Task ReleaseHeldAsync(string user)
    {
        foreach (var held in channelStore.PendingOutbox(ZaloChannel.Name, 500).Where(m => m.Address == user && m.WaitingForPerson))
        {
            held.WaitingForPerson = false;
            await channelStore.EnqueueAsync(held);
        }
    }
}
