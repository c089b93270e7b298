using VssBot.Core.Domain.Units;
using VssBot.Core.Engine;
using VssBot.Core.Text;

namespace VssBot.Core.Domain;

/// <summary>The units (schools, employers) of the office the person chose, for someone who
/// came without an invite link: "Bạn đăng ký theo đơn vị/trường nào?".</summary>
internal sealed class UnitSource(Func<string, IReadOnlyList<Unit>> unitsOfOffice) : IChoiceSource
{
    public IReadOnlyList<ChoiceOption> Options(StepContext context) =>
        RegistrationBehaviours.OfficeOf(context) is { } office && office != OfficeSource.LetStaffChoose
            ? unitsOfOffice(office).Select(u => ChoiceOption.Of(u.Code, u.Name, u.Code)).ToList()
            : [];

    public bool ShowAll(StepContext context) => Options(context).Count <= 8;

    public string? Describe(StepContext context) => null;
}
