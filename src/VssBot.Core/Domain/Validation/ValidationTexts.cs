using VssBot.Core.Dialogs;

namespace VssBot.Core.Domain.Validation;

/// <summary>The checks' messages, from dialogs/validation.yaml, checked at start-up.</summary>
public sealed class ValidationTexts
{
    public static readonly string[] Keys =
    [
        "bhxh_card_shape", "bhxh_from_card", "bhxh_digits_only", "bhxh_place_code", "bhxh_personal_number", "bhxh_length",
        "name_missing", "name_digits", "name_script", "name_character", "name_joiners", "name_too_long", "name_one_word", "name_no_diacritics", "name_foreign_letters",
        "date_example", "date_unreadable", "date_month", "date_year", "date_day", "date_future", "date_too_old", "date_year_only",
        "date_year_only_display", "date_adult_too_young", "date_child_adult",
        "id_passport", "id_cmnd_digits", "id_cccd_digits", "id_cmnd_length", "id_cccd_length", "id_place_code",
        "phone_digits", "phone_unreadable", "phone_not_vietnam", "phone_invalid", "phone_not_mobile",
        "email_invalid", "street_missing", "street_not_address", "street_too_long",
        "note_missing", "note_too_long", "photo_too_large", "photo_not_image", "photo_unreadable", "photo_too_many_pixels", "photo_busy",
    ];

    private readonly IReadOnlyDictionary<string, string> _texts;

    public ValidationTexts(IReadOnlyDictionary<string, string> texts)
    {
        var missing = Keys.Where(k => !texts.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw new DialogFileException("validation.yaml", null, $"missing messages: {string.Join(", ", missing)}");
        }

        _texts = texts;
    }

    public string this[string key] => _texts[key];

    public string Format(string key, params (string Name, object Value)[] values)
    {
        var text = _texts[key];
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return text;
    }

    public static ValidationTexts Load(string path) =>
        new(YamlFile.Read<Dictionary<string, string>>(path, "validation.yaml"));
}
