using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VssBot.Core.Conversations;

namespace VssBot.Channels.Zalo;

/// <summary>
/// Sends one Zalo outbox message; the shared <see cref="OutboxDrain"/> keeps each person's
/// order and the global rate. Errors come as a negative "error" in a 200 answer: -32 (rate
/// limit) pauses sending; -216/-220 (token invalid or expired) refreshes the token once and
/// sends again; -230/-232 (no interaction in the window) holds the message until the person
/// writes; so does a conversation silent for more than 7 days. A failed refresh keeps the
/// outbox waiting.
/// </summary>
internal sealed class ZaloSender : IOutboxSender
{
    public static readonly TimeSpan ConsultationWindow = TimeSpan.FromDays(7);

    private readonly ZaloApi _api;
    private readonly ZaloTokens _tokens;
    private readonly ZaloTexts _texts;
    private readonly IConversationStore _conversations;
    private readonly IOptions<ZaloOptions> _options;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _clock;
    private readonly OutboxDrain _drain;

    public ZaloSender(ZaloApi api, ZaloTokens tokens, ZaloTexts texts, IChannelStore store, IConversationStore conversations, IOptions<ZaloOptions> options,
        IServiceProvider services, IOutboxCoordination coordination, TimeProvider clock, ILogger<ZaloSender> logger)
    {
        _api = api;
        _tokens = tokens;
        _texts = texts;
        _conversations = conversations;
        _options = options;
        _services = services;
        _clock = clock;
        _drain = new OutboxDrain(this, store, coordination, clock, logger);
    }

    public string Channel => ZaloChannel.Name;

    public int MessagesPerSecond => Math.Max(1, _options.Value.MessagesPerSecond);

    public TimeSpan IntervalFor(OutboxMessage message) => TimeSpan.Zero;

    public void Wake() => _drain.Wake();

    public Task RunAsync(CancellationToken stoppingToken) => _drain.RunAsync(stoppingToken);

    public async Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken stoppingToken)
    {
        if (_conversations.FindConversation(message.ConversationId) is { HeardAt: { } heard } && _clock.GetUtcNow() - heard > ConsultationWindow)
        {
            return SendOutcome.Held;
        }

        if (await _tokens.AccessTokenAsync(stoppingToken) is not { } token)
        {
            return SendOutcome.Pause(TimeSpan.FromSeconds(30));
        }

        var reply = await SendWithAsync(token, message, stoppingToken);
        if (reply.Error is -216 or -220 && await _tokens.RefreshAsync(token, stoppingToken) && _tokens.Current?.AccessToken is { } renewed)
        {
            reply = await SendWithAsync(renewed, message, stoppingToken);
        }

        return reply.Error switch
        {
            0 => SendOutcome.Sent,
            -32 => SendOutcome.Pause(TimeSpan.FromSeconds(Math.Max(1, _options.Value.RateLimitPauseSeconds))),
            -230 or -232 => SendOutcome.Held,
            -216 or -220 => SendOutcome.Pause(TimeSpan.FromSeconds(30)),
            -100 or -200 => SendOutcome.Retry($"{reply.Error}: {reply.Message}"), // Zalo's "unknown error, retry later", "send message failed"
            _ => SendOutcome.Failed($"{reply.Error}: {reply.Message}"), // not a follower (-213), invalid (-201), blocked, too long: for good
        };
    }

    private async Task<ZaloReply> SendWithAsync(string token, OutboxMessage message, CancellationToken stoppingToken)
    {
        JsonObject body;
        if (ZaloMessages.IsPhoneRequest(message))
        {
            body = ZaloMessages.PhoneRequest(message, _texts, ContactImageUrl());
        }
        else if (message.FileRef is { } fileRef)
        {
            // The document is drawn now; one whose dossier is gone is not sent.
            if (_services.GetService<IDocumentSource>()?.Open(fileRef, message.ConversationId) is not { } document)
            {
                return new ZaloReply(0, null, []);
            }

            var upload = await _api.UploadAsync(token, "file", document.Bytes, document.Name, "application/pdf", stoppingToken);
            if (!upload.Ok)
            {
                return upload;
            }

            body = ZaloMessages.File(message, upload.Body["data"]?["token"]?.ToString() ?? "");
        }
        else if (message.PhotoKey is { } key && _conversations.Photo(key) is { } photo)
        {
            var upload = await _api.UploadAsync(token, "image", photo, "anh.jpg", "image/jpeg", stoppingToken);
            if (!upload.Ok)
            {
                return upload;
            }

            body = ZaloMessages.Photo(message, upload.Body["data"]?["attachment_id"]?.ToString() ?? "");
        }
        else
        {
            body = ZaloMessages.Text(message, _texts);
        }

        return await _api.SendAsync(token, body, stoppingToken);
    }

    // The card's picture: a configured URL, else the one VssBot serves itself.
    private string ContactImageUrl() =>
        _options.Value.ContactImageUrl is { Length: > 0 } url ? url : $"{(_options.Value.PublicBaseUrl ?? "").TrimEnd('/')}{ZaloRegistration.ContactImagePath}";
}
