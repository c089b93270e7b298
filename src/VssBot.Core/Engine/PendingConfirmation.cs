namespace VssBot.Core.Engine;

/// <summary>
/// A question waiting for the person's "yes" or "no", each kind with its own data: a
/// command to confirm (restart, cancel, erase, handoff) or answers offered to take (read
/// from an ID card's QR code, an earlier step's answer typed again, a whole address).
/// Stored in the conversation as it always was (<see cref="Conversation.Pending"/> names the
/// kind, <see cref="Conversation.Card"/> holds offered answers), read and written only here.
/// </summary>
public abstract record PendingConfirmation
{
    private PendingConfirmation()
    {
    }

    /// <summary>"Bắt đầu lại?": this dialog's answers are dropped on yes.</summary>
    public sealed record Restart : PendingConfirmation;

    /// <summary>"Hủy đăng ký?": the run ends, cancelled, on yes.</summary>
    public sealed record Cancel : PendingConfirmation;

    /// <summary>"Xóa dữ liệu của tôi?": everything of the conversation goes on yes.</summary>
    public sealed record Erase : PendingConfirmation;

    /// <summary>"Gặp cán bộ?": the conversation joins its office's queue on yes.</summary>
    public sealed record Handoff : PendingConfirmation;

    /// <summary>Answers offered to take on yes.</summary>
    public sealed record Offer(OfferKind Kind, IReadOnlyDictionary<string, Answer> Answers) : PendingConfirmation;

    /// <summary>What the conversation is waiting for, or null.</summary>
    public static PendingConfirmation? Of(Conversation conversation) => conversation.Pending switch
    {
        null => null,
        "restart" => new Restart(),
        "cancel" => new Cancel(),
        "erase" => new Erase(),
        "handoff" => new Handoff(),
        "card" => new Offer(OfferKind.Card, conversation.Card ?? []),
        "fix" => new Offer(OfferKind.Fix, conversation.Card ?? []),
        "fill" => new Offer(OfferKind.Fill, conversation.Card ?? []),
        var unknown => throw new InvalidOperationException($"conversation {conversation.Id} waits for an unknown confirmation '{unknown}'"),
    };

    /// <summary>The conversation waits for <paramref name="pending"/> (null: for nothing).</summary>
    public static void Set(Conversation conversation, PendingConfirmation? pending)
    {
        conversation.Pending = pending switch
        {
            null => null,
            Restart => "restart",
            Cancel => "cancel",
            Erase => "erase",
            Handoff => "handoff",
            Offer { Kind: OfferKind.Card } => "card",
            Offer { Kind: OfferKind.Fix } => "fix",
            Offer { Kind: OfferKind.Fill } => "fill",
            _ => throw new InvalidOperationException($"unknown confirmation {pending}"),
        };
        conversation.Card = pending is Offer offer ? offer.Answers.ToDictionary() : null;
    }
}

/// <summary>Where answers offered for confirmation came from.</summary>
public enum OfferKind
{
    /// <summary>An ID card's QR code (its photo, or its text pasted).</summary>
    Card,

    /// <summary>An earlier step's answer typed again, differently.</summary>
    Fix,

    /// <summary>A whole address typed at its first step.</summary>
    Fill,
}
