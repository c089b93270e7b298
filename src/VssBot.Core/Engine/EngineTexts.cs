namespace VssBot.Core.Engine;

/// <summary>The engine's own messages (confirmations, errors, buttons), read from
/// dialogs/messages.yaml so that they can be reworded without a build.</summary>
public sealed class EngineTexts(IReadOnlyDictionary<string, string> texts)
{
    public static readonly string[] Keys =
    [
        "first_step", "confirm_cancel", "confirm_restart", "cancelled", "not_cancelled", "ended",
        "restart_button", "keep_button", "skip_button", "yes_button", "no_button", "current_answer",
        "not_optional", "photo_expected", "photo_not_needed", "photo_received", "choose_one", "did_you_mean",
        "nothing_close", "stuck", "contacts_offer", "faq_resume", "example", "review_submit", "review_edit",
        "help_title", "confirm_yes_no", "skipped", "menu_button", "faq_not_sure", "faq_more", "contact_not_needed", "phone_verified", "confirm_erase", "erased", "sent_no_back", "handoff_offer", "handoff_queued", "handoff_left",
        "handoff_waiting", "handoff_joined", "handoff_released", "handoff_closed", "handoff_nobody", "handoff_button", "handoff_busy", "photo_hint_blurry", "photo_hint_dark", "photo_hint_bright", "photo_hint_glare", "photo_hint_landscape", "photo_hint_small", "photo_hint_upside_down", "photo_hint_keep", "photo_finding_blurry", "photo_finding_dark", "photo_finding_bright", "photo_finding_glare", "photo_finding_landscape", "photo_finding_small", "photo_finding_upside_down", "status_none", "status_line", "status_not_yours", "status_submitted", "status_approved", "status_rejected", "status_changes", "form01_sent", "form01_none", "reminders_stopped", "unit_reminder", "decision_approved", "decision_rejected", "decision_changes", "heard_photo", "heard_refused_file", "heard_contact", "contacts_zalo", "contacts_phone", "contacts_hours", "office_let_staff_choose", "office_none_in_province", "office_phone_line", "office_address_line", "office_unknown", "handoff_any_office", "address_offer", "address_used", "ahead_same", "ahead_earlier", "ahead_fixed", "step_number", "photo_sent", "card_matches", "card_differs", "card_fill", "card_was", "card_used", "card_kept", "whose_self", "whose_child", "ahead_taken", "ahead_several", "ahead_still_here", "legacy_province", "legacy_ward", "legacy_ward_split", "ward_number_needs_district",
        "web_too_many_messages", "web_bad_after", "web_bad_json", "web_missing_text", "web_text_too_long", "web_bad_content_type", "web_bad_form", "web_missing_photo", "web_too_many_requests", "web_not_found", "web_bad_key", "web_unknown_unit", "web_body_too_large", "web_busy", "web_store_unavailable", "staff_empty_message",
    ];

    public string this[string key] => texts[key];

    public bool Has(string key) => texts.ContainsKey(key);

    public string Format(string key, params (string Name, string Value)[] values)
    {
        var text = texts[key];
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }
}
