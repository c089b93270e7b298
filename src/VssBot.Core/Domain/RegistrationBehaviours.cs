using VssBot.Core.Dialogs;
using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Domain.Validation;
using VssBot.Core.Engine;

namespace VssBot.Core.Domain;

/// <summary>
/// The validators, choice sources, conditions and actions that the registration
/// dialogs name. Some read earlier answers by step id; those ids are listed here and
/// in the dialog files' comments.
/// </summary>
public static class RegistrationBehaviours
{
    public const string AdultDialog = "adult-registration";
    public const string ProvinceStep = "province";
    public const string IdTypeStep = "id_type";
    public const string IdNumberStep = "id_number";
    public const string BirthDateStep = "birth_date";
    public const string EmailStep = "email";
    public const string OfficeStep = "office";
    public const string ChildProvinceStep = "c_province";

    /// <summary>The key under which the guardian's own dossier reference is kept.</summary>
    public const string GuardianDossier = "dossier";

    /// <summary>The office chosen in this dialog (by a step whose source lists offices),
    /// else in the adult registration, else the guardian's.</summary>
    public static string? OfficeOf(StepContext c) => AnswerFromSource<OfficeSource>(c, OfficeStep);

    /// <summary>The province given in this dialog, else in the adult registration, else
    /// the guardian's, else asked for contacts.</summary>
    public static string? ProvinceOf(StepContext c) =>
        AnswerFromSource<ProvinceSource>(c, ProvinceStep);

    /// <summary>The ward given (today's code), found like the province.</summary>
    public static string? WardOf(StepContext c) => AnswerFromSource<WardSource>(c, "ward");

    private static string? AnswerFromSource<TSource>(StepContext c, string fallbackStep)
    {
        foreach (var step in c.Dialog.Steps.Where(s => s.Source is not null && Sources.GetValueOrDefault(s.Source) is TSource))
        {
            if (c.AnswerOf(step.Id) is { Length: > 0 } value && value != OfficeSource.LetStaffChoose)
            {
                return value;
            }
        }

        return c.AnswerOf(fallbackStep) ?? c.Conversation.Guardian.GetValueOrDefault(fallbackStep)?.Value;
    }

    // The sources as registered here, to tell which steps list provinces or offices.
    private static readonly Dictionary<string, IChoiceSource> Sources = Create().Sources;

    /// <param name="unitsOfOffice">An office's units (the store's), for people who came
    /// without an invite link; none when not given.</param>
    public static StepBehaviours Create(Func<string, IReadOnlyList<Units.Unit>>? unitsOfOffice = null)
    {
        var units = unitsOfOffice ?? (_ => []);
        var b = new StepBehaviours();
        b.Sources["units"] = new UnitSource(units);
        // Asked only when the person came without a link and their office has units.
        b.Conditions["unitToAsk"] = c => c.Conversation.UnitCode is null && OfficeOf(c) is { } office && office != OfficeSource.LetStaffChoose && units(office).Count > 0;
        b.Validators["bhxhCode"] = (text, c) => BhxhCode.Check(text, c.Content.Validation);
        b.Validators["fullName"] = (text, c) => FullName.Check(text, c.Content.Validation);
        b.Validators["idNumber"] = (text, c) => IdDocument.Check(text, c.AnswerOf(IdTypeStep), c.Content.Validation);
        b.Validators["cccd"] = (text, c) => IdDocument.Check(text, IdDocument.Cccd, c.Content.Validation);
        // A child's own registration with their căn cước card (issued to children on request
        // since 1 July 2024) takes any age: refusing under-15s here sent them back to the child
        // enrollment, which sends a child with a card here.
        b.Validators["birthDate"] = (text, c) => ForChildWithCccd(c)
            ? BirthDate.Check(text, c.Today, c.Content.Validation)
            : BirthDate.CheckAdult(text, c.Today, c.Content.Validation);
        b.Validators["childBirthDate"] = (text, c) => BirthDate.CheckChild(text, c.Today, c.Content.Validation);
        b.Validators["street"] = (text, c) => StreetAddress.Check(text, c.Content.Validation);
        b.Validators["phone"] = (text, c) => MobilePhone.Check(text, c.Content.Validation);
        b.Validators["email"] = (text, c) => EmailAddress.Check(text, c.Content.Validation);
        b.Validators["note"] = (text, c) => FreeNote.Check(text, c.Content.Validation);

        b.Sources["provinces"] = new ProvinceSource();
        b.Sources["wards"] = new WardSource(ProvinceStep);
        b.Sources["offices"] = new OfficeSource(ProvinceStep);
        b.Sources["childWards"] = new WardSource(ChildProvinceStep);
        b.Sources["childOffices"] = new OfficeSource(ChildProvinceStep);

        b.Conditions["cccdDisagreesWithBirth"] = CccdDisagreesWithBirth;
        b.Conditions["hasEmail"] = c => !string.IsNullOrEmpty(c.AnswerOf(EmailStep));
        b.Conditions["guardianKnown"] = c => c.Conversation.Guardian.Count > 0;
        b.Conditions["provinceKnown"] = c => ProvinceOf(c) is not null;

        b.Actions["submitDossier"] = (c, turn) => SubmitDossier(c, turn);
        b.Actions["recordLogin"] = (c, turn) =>
        {
            // "Đã đăng nhập được": counted as installed and logged in for the dossier asked about.
            if (c.Conversation.LoginCheck is { } reference)
            {
                turn.LoggedIn = new LoginReport(reference, c.Now);
                c.Conversation.LoginCheck = null;
            }
        };
        b.Actions["reportDiscrepancy"] = (c, turn) =>
        {
            // To the latest dossier's discrepancy column, and to the office's queue as a case.
            var item = c.Dialog.Step("d_item").Choices.FirstOrDefault(ch => ch.Value == c.AnswerOf("d_item"))?.Label ?? "";
            turn.Discrepancy = $"{item}: {c.AnswerOf("d_detail")}";
            turn.StartHandoff = true;
        };
        b.PhotoReaders["cccdQr"] = IdCard.QrReader.Read;
        b.CardAnswers = CardAnswers;
        b.LooksLikeCard = IdCard.CccdQr.Looks;
        b.FormFile = FormFile;
        b.Whereabouts = c => new Whereabouts(OfficeOf(c), ProvinceOf(c), WardOf(c));
        b.Placeholders = FillPlaceholders;
        b.Actions["submitGuardianDossier"] = (c, turn) =>
        {
            var dossier = SubmitDossier(c, turn);
            if (ForChildWithCccd(c))
            {
                // A child with a CCCD registered in their own name: linked to the parent's
                // dossier, and the parent's saved details stay the parent's.
                dossier.GuardianDossierId = c.Conversation.Guardian.GetValueOrDefault(GuardianDossier)?.Value;
                return;
            }

            c.Conversation.Guardian = c.Conversation.Answers.ToDictionary(a => a.Key, a => Answer.Of(a.Value.Value, a.Value.Display));
            c.Conversation.Guardian[GuardianDossier] = Answer.Of(dossier.Id);
        };
        return b;
    }

    /// <summary>What a chip CCCD's QR text answers: the document, its number, the name and
    /// the date of birth, as the validators would store them.</summary>
    private static IReadOnlyDictionary<string, Answer>? CardAnswers(string text, DialogContent content)
    {
        if (IdCard.CccdQr.Parse(text) is not { } card || FullName.Check(card.Name, content.Validation) is not { IsValid: true } name)
        {
            return null;
        }

        return new Dictionary<string, Answer>
        {
            [IdTypeStep] = Answer.Of(IdDocument.Cccd, IdDocument.Cccd),
            [IdNumberStep] = Answer.Of(card.Number, card.Number),
            ["full_name"] = Answer.Of(name.Value!, name.Display),
            [BirthDateStep] = Answer.Of(card.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), card.BirthDate.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)),
        };
    }

    /// <summary>The registration's placeholders in a prompt: {whose} (the person's or their
    /// child's own), {cccdYear} and {birthYear}.</summary>
    private static string FillPlaceholders(string text, StepContext c)
    {
        text = text.Replace("{whose}", c.Content.Texts[ForChildWithCccd(c) ? "whose_child" : "whose_self"]);
        if (c.AnswerOf(IdNumberStep) is { } id)
        {
            text = text.Replace("{cccdYear}", IdDocument.BirthYearFromCccd(id)?.ToString() ?? "");
        }

        if (c.AnswerOf(BirthDateStep) is { } birth)
        {
            text = text.Replace("{birthYear}", BirthDate.Parse(birth).Year.ToString());
        }

        return text;
    }

    /// <summary>The file reference of a dossier's form 01.</summary>
    public static string FormFile(string reference) => "form01:" + reference;

    /// <summary>The child-enrollment step whose answer "adult" sends a child who has a CCCD
    /// through the adult registration, in the child's own name.</summary>
    public const string ChildOwnRegistrationStep = "c_has_cccd_redirect";

    /// <summary>The adult registration being run is a child's own (with their CCCD), begun
    /// from the child enrollment by a parent.</summary>
    public static bool ForChildWithCccd(StepContext c) =>
        c.Dialog.Id == AdultDialog && c.Conversation.Answers.GetValueOrDefault(ChildOwnRegistrationStep)?.Value == "adult";

    /// <summary>True when the CCCD's year digits suggest another birth year than the
    /// one given: a question to the person, since the structure is not guaranteed.</summary>
    public static bool CccdDisagreesWithBirth(StepContext c)
    {
        if (c.AnswerOf(IdTypeStep) != IdDocument.Cccd || c.AnswerOf(IdNumberStep) is not { } number || c.AnswerOf(BirthDateStep) is not { } birth)
        {
            return false;
        }

        var year = IdDocument.BirthYearFromCccd(number);
        return year is not null && year != BirthDate.Parse(birth).Year;
    }

    // The unit named at a "units" step by someone who came without a link.
    private static string? UnitAnswer(StepContext c) =>
        c.Dialog.Steps.Where(s => s.Source == "units").Select(s => c.AnswerOf(s.Id)).FirstOrDefault(v => !string.IsNullOrEmpty(v));

    private static Dossier SubmitDossier(StepContext c, TurnResult turn)
    {
        var conversation = c.Conversation;
        // A dossier sent back for changes keeps its reference: this is its next version.
        var reference = conversation.Reopened ?? DossierReference.For(conversation.Id, conversation.Dossiers.Count, conversation.ReferenceAttempts);
        var resubmission = conversation.Reopened is not null;
        conversation.Reopened = null;
        var office = OfficeOf(c);
        var dossier = new Dossier
        {
            Id = reference,
            ConversationId = conversation.Id,
            DialogId = c.Dialog.Id,
            OfficeId = office,
            UnitCode = conversation.UnitCode ?? UnitAnswer(c),
            GuardianDossierId = c.Dialog.Id == AdultDialog ? null : conversation.Guardian.GetValueOrDefault(GuardianDossier)?.Value,
            CreatedAt = c.Now,
            Fields = c.Dialog.Steps
                .Where(s => s.Label is not null && conversation.Answers.ContainsKey(s.Id))
                .Select(s => new DossierField { StepId = s.Id, Label = s.Label!, Display = conversation.Answers[s.Id].Display })
                .ToList(),
            Values = conversation.Answers.ToDictionary(a => a.Key, a => a.Value.Value),
            PhotoKeys = c.Dialog.Steps
                .Where(s => s.Kind == StepKind.Photo && conversation.Answers.ContainsKey(s.Id))
                .Select(s => conversation.Answers[s.Id].Value)
                .ToList(),
        };
        if (!resubmission)
        {
            conversation.Dossiers.Add(reference);
        }

        turn.Dossier = dossier;
        turn.DossierResubmitted = resubmission;
        turn.Files.Add(FormFile(reference));
        return dossier;
    }
}
