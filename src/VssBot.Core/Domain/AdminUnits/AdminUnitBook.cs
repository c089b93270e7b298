using System.Text.Json;
using VssBot.Core.Text;

namespace VssBot.Core.Domain.AdminUnits;

/// <summary>
/// The official list of provinces and wards, read from the data file under dialogs/
/// (vietnamese-provinces-database, MIT), with the choice options built once.
/// </summary>
public sealed class AdminUnitBook
{
    private readonly Dictionary<string, Province> _byCode;
    private readonly Dictionary<string, IReadOnlyList<ChoiceOption>> _wardOptions;

    public AdminUnitBook(IReadOnlyList<Province> provinces)
    {
        Provinces = provinces;
        _byCode = provinces.ToDictionary(p => p.Code);
        ProvinceOptions = provinces
            .Select(p => ChoiceOption.Of(p.Code, p.Name, p.FullName))
            .ToList();
        _wardOptions = provinces.ToDictionary(
            p => p.Code,
            p => (IReadOnlyList<ChoiceOption>)p.Wards.Select(w => ChoiceOption.Of(w.Code, w.FullName, w.Name)).ToList());
    }

    public IReadOnlyList<Province> Provinces { get; }

    /// <summary>The units before the 2025 reform, mapped to these (empty when not loaded).</summary>
    public LegacyUnits? Legacy { get; init; }

    public IReadOnlyList<ChoiceOption> ProvinceOptions { get; }

    public Province? Province(string code) => _byCode.GetValueOrDefault(code);

    public IReadOnlyList<ChoiceOption> WardOptions(string provinceCode) =>
        _wardOptions.GetValueOrDefault(provinceCode) ?? [];

    public static AdminUnitBook Load(string path, string? legacyPath = null)
    {
        using var stream = File.OpenRead(path);
        var provinces = JsonSerializer.Deserialize<List<ProvinceJson>>(stream)
            ?? throw new InvalidDataException($"{path}: no provinces");
        return new AdminUnitBook(provinces
            .Select(p => new Province(p.Code, p.Name, p.FullName,
                p.Wards.Select(w => new Ward(w.Code, w.Name, w.FullName, w.ProvinceCode)).ToList()))
            .ToList())
        {
            Legacy = legacyPath is not null && File.Exists(legacyPath) ? LegacyUnits.Load(legacyPath) : null,
        };
    }

    private sealed record ProvinceJson(string Code, string Name, string FullName, List<WardJson> Wards);

    private sealed record WardJson(string Code, string Name, string FullName, string ProvinceCode);
}
