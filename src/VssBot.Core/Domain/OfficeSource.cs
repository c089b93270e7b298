using VssBot.Core.Engine;
using VssBot.Core.Text;

namespace VssBot.Core.Domain;

/// <summary>
/// Receiving offices: those serving the person's province first, then the others, and
/// always "not sure — let staff choose", since the office list is operator data and may
/// not cover every province yet.
/// </summary>
internal sealed class OfficeSource(string provinceStep) : IChoiceSource
{
    public const string LetStaffChoose = "unknown";

    public IReadOnlyList<ChoiceOption> Options(StepContext context)
    {
        var province = context.AnswerOf(provinceStep);
        var ward = RegistrationBehaviours.WardOf(context);
        // The office of the person's ward first, then the others of their province.
        var offices = context.Content.Offices.Offices
            .OrderBy(o => ward is not null && o.Wards.Contains(ward) ? 0 : o.ProvinceCode == province ? 1 : 2)
            .Select(o => ChoiceOption.Of(o.Id, o.Title, [o.Name, o.Code ?? o.Name, .. o.Formerly is null ? Array.Empty<string>() : [o.Formerly, o.Formerly.Replace("BHXH ", "")]]))
            .ToList();
        offices.Add(ChoiceOption.Of(LetStaffChoose, context.Content.Texts["office_let_staff_choose"], "chua ro", "khong biet"));
        return offices;
    }

    public bool ShowAll(StepContext context) => true;

    public string? Describe(StepContext context)
    {
        var province = context.AnswerOf(provinceStep);
        var local = context.Content.Offices.InProvince(province, RegistrationBehaviours.WardOf(context));
        if (local.Count == 0)
        {
            return context.Content.Texts["office_none_in_province"];
        }

        var texts = context.Content.Texts;
        return string.Join('\n', local.Select(o => $"• {o.Title}"
            + (o.Phone is null ? "" : "\n  " + texts.Format("office_phone_line", ("phone", o.Phone)))
            + (o.Address is null ? "" : "\n  " + texts.Format("office_address_line", ("address", o.Address)))));
    }
}
