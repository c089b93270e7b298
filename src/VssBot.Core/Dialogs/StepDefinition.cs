namespace VssBot.Core.Dialogs;

/// <summary>One step of a dialog, as declared in its file.</summary>
public sealed record StepDefinition
{
    public required string Id { get; init; }
    public required StepKind Kind { get; init; }
    public required string Prompt { get; init; }

    /// <summary>Label of the answer in the review; steps without one are not reviewed.</summary>
    public string? Label { get; init; }

    /// <summary>Longer explanation used for "help" and after repeated failures.</summary>
    public string? Help { get; init; }

    /// <summary>A valid answer, shown with every error.</summary>
    public string? Example { get; init; }

    /// <summary>Name of the C# validator that checks and normalises a typed answer.</summary>
    public string? Validator { get; init; }

    /// <summary>Name of a choice source (provinces, wards, offices) for dynamic choices.</summary>
    public string? Source { get; init; }

    public IReadOnlyList<ChoiceDefinition> Choices { get; init; } = [];
    public bool Optional { get; init; }

    /// <summary>Answers that no longer hold when this one changes (a new province clears the ward).</summary>
    public IReadOnlyList<string> Clears { get; init; } = [];
    public IReadOnlyList<Branch> Branches { get; init; } = [];
    public string? Next { get; init; }

    /// <summary>An answer to offer when this step has none: the guardian's saved answer of
    /// that id, else this conversation's ("Đang lưu: …, Giữ nguyên").</summary>
    public string? Prefill { get; init; }

    /// <summary>The answer only chooses the way (a menu): forgotten when the step is asked again.</summary>
    public bool Transient { get; init; }

    /// <summary>The answer belongs to the person, not to one run (consent): kept when the
    /// dialog is run again.</summary>
    public bool Shared { get; init; }

    /// <summary>Name of a reader run on a photo sent at this step (the ID card's QR code).</summary>
    public string? Reads { get; init; }

    /// <summary>A photo step asking for a portrait (a landscape photo gets a hint).</summary>
    public bool Portrait { get; init; }

    /// <summary>A photo step asking for a card or document page (one that fills too little
    /// of the frame gets a hint).</summary>
    public bool Card { get; init; }

    /// <summary>The step takes an answer typed before it is asked (at an earlier step that
    /// could not use it) when its validator accepts that text and no other step's does.</summary>
    public bool Ahead { get; init; }

    /// <summary>Answers that an answer taken ahead settles too (a CCCD number typed at the
    /// "which document?" step answers it: id_type = cccd).</summary>
    public IReadOnlyDictionary<string, string> Implies { get; init; } = new Dictionary<string, string>();

    /// <summary>Name of an action run when the step is entered (submitting the dossier).</summary>
    public string? OnEnter { get; init; }

    /// <summary>The edges out of the step in the order they are tried; the last one is
    /// unconditional when <see cref="Next"/> is set.</summary>
    public IEnumerable<Branch> Edges =>
        Next is null ? Branches : Branches.Append(new Branch(Branch.Always, Next));
}
