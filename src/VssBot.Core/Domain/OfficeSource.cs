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
        var offices = context.Content.Offices.Offices
            .OrderBy(o => o.ProvinceCode == province ? 0 : 1)
            .Select(o => ChoiceOption.Of(o.Id, o.Title, o.Name, o.Code ?? o.Name))
            .ToList();
        offices.Add(ChoiceOption.Of(LetStaffChoose, "Chưa rõ — nhờ cán bộ BHXH chọn giúp", "chua ro", "khong biet"));
        return offices;
    }

    public bool ShowAll(StepContext context) => true;

    public string? Describe(StepContext context)
    {
        var province = context.AnswerOf(provinceStep);
        var local = context.Content.Offices.InProvince(province);
        if (local.Count == 0)
        {
            return "Danh sách của mình chưa có cơ quan BHXH ở tỉnh/thành phố của bạn. Bạn có thể chọn “Chưa rõ” để cán bộ chọn giúp.";
        }

        return string.Join('\n', local.Select(o =>
            $"• {o.Title}{(o.Phone is null ? "" : $"\n  Số điện thoại: {o.Phone}")}{(o.Address is null ? "" : $"\n  Địa chỉ: {o.Address}")}"));
    }
}
