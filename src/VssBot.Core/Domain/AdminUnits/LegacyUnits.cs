using System.Text.Json;
using System.Text.Json.Serialization;

namespace VssBot.Core.Domain.AdminUnits;

/// <summary>
/// The units before the 2025 reform (63 provinces, 696 districts, ~10,000 wards) and the
/// colloquial province names, mapped to today's units: dialogs/data/legacy/ (from
/// vietnamadminunits by Tran Ngoc Minh Hieu, MIT; see its README and LICENSE there).
/// </summary>
public sealed class LegacyUnits
{
    private readonly List<(string Key, string Name, string NewCode)> _provinces = [];
    private readonly List<OldDistrict> _districts = [];
    private readonly Dictionary<string, List<OldWard>> _wardsByProvince = [];

    public sealed record OldDistrict(string Name, string Type, string Key, string OldProvince, string NewProvinceCode);

    public sealed record OldWard(string Name, string Type, string Key, string District, string DistrictKey, string NewProvinceCode, IReadOnlyList<string> NewWardCodes);

    /// <summary>A place named the old way: today's province, and the old name as typed.</summary>
    public sealed record ProvinceMatch(string NewCode, string OldName);

    /// <summary>Old wards a text names within today's province (several when it is not
    /// clear), or <see cref="NeedsDistrict"/> for a ward named by a bare number.</summary>
    public sealed record WardMatch(IReadOnlyList<OldWard> Wards, bool NeedsDistrict);

    private LegacyUnits(File file)
    {
        foreach (var p in file.Provinces)
        {
            _provinces.Add((UnitNames.Key(p.Old), p.Old, p.NewCode));
            _provinces.Add((UnitNames.Expand(p.OldFull), p.Old, p.NewCode));
        }

        foreach (var c in file.Colloquial)
        {
            _provinces.Add((UnitNames.Expand(c.Alias), c.Alias, c.NewCode));
        }

        // Longest first: "ba ria vung tau" before "vung tau".
        _provinces.Sort((a, b) => b.Key.Length.CompareTo(a.Key.Length));
        foreach (var d in file.Districts)
        {
            var folded = UnitNames.Expand(d.Old);
            _districts.Add(new OldDistrict(d.Old, UnitNames.TypeOf(folded), UnitNames.Key(d.Old), d.OldProvince, d.NewProvinceCode));
        }

        foreach (var w in file.Wards)
        {
            var folded = UnitNames.Expand(w.Old);
            var ward = new OldWard(w.Old, UnitNames.TypeOf(folded), UnitNames.Key(w.Old), w.OldDistrict, UnitNames.Key(w.OldDistrict), w.NewProvinceCode,
                w.NewWardCodes is { Count: > 0 } codes ? codes : [w.NewWardCode]);
            if (!_wardsByProvince.TryGetValue(w.NewProvinceCode, out var list))
            {
                _wardsByProvince[w.NewProvinceCode] = list = [];
            }

            list.Add(ward);
        }
    }

    /// <summary>The province a text names the old or colloquial way ("Bình Dương", "tp hcm",
    /// "xã X huyện Y tỉnh Z"), or by an old district found in one province only ("quận 10").</summary>
    public ProvinceMatch? Province(string text)
    {
        var expanded = UnitNames.Expand(text);
        var bare = UnitNames.Key(text);
        foreach (var (key, name, code) in _provinces)
        {
            if (key == bare || key == expanded || (key.Length >= 4 && UnitNames.Holds(expanded, key)) || UnitNames.Holds(expanded, "tinh " + key)
                || UnitNames.Holds(expanded, "thanh pho " + key))
            {
                return new ProvinceMatch(code, name);
            }
        }

        var districts = _districts.Where(d => d.Type.Length > 0 && UnitNames.Holds(expanded, d.Type + " " + d.Key))
            .Select(d => d.NewProvinceCode).Distinct().ToList();
        return districts.Count == 1
            ? new ProvinceMatch(districts[0], _districts.First(d => d.NewProvinceCode == districts[0] && UnitNames.Holds(expanded, d.Type + " " + d.Key)).Name)
            : null;
    }

    /// <summary>The old wards of today's province <paramref name="provinceCode"/> that a text
    /// names ("phường 12 quận 10", "Đằng Giang, Ngô Quyền", "xã Tân Lập").</summary>
    public WardMatch Wards(string provinceCode, string text)
    {
        var expanded = UnitNames.Expand(text);
        if (!_wardsByProvince.TryGetValue(provinceCode, out var wards))
        {
            return new WardMatch([], false);
        }

        // The district named, if any ("quan 10", "huyen gia lam", or its bare name).
        var district = wards.Select(w => (w.District, w.DistrictKey, Type: UnitNames.TypeOf(UnitNames.Expand(w.District)))).Distinct()
            .Where(d => UnitNames.Holds(expanded, d.Type + " " + d.DistrictKey) || (d.DistrictKey.Length >= 4 && !d.DistrictKey.All(char.IsAsciiDigit) && UnitNames.Holds(expanded, d.DistrictKey)))
            .OrderByDescending(d => d.DistrictKey.Length)
            .Select(d => d.District)
            .FirstOrDefault();
        var rest = district is null ? expanded : Remove(expanded, wards.First(w => w.District == district));
        var inScope = district is null ? wards : wards.Where(w => w.District == district).ToList();
        var found = inScope.Where(w => UnitNames.Holds(rest, w.Type + " " + w.Key)).ToList();
        if (found.Count == 0)
        {
            var bare = UnitNames.Key(rest);
            if (bare.All(char.IsAsciiDigit) && bare.Length > 0 && district is null)
            {
                // "12" alone: Phường 12 of which old district? Never a position in a list.
                return new WardMatch([], true);
            }

            found = inScope.Where(w => w.Key == bare || (w.Key.Length >= 4 && !w.Key.All(char.IsAsciiDigit) && UnitNames.Holds(rest, w.Key))).ToList();
        }

        return new WardMatch(found, false);
    }

    /// <summary>Today's wards (codes) that the old district <paramref name="district"/> of
    /// today's province became, split wards included.</summary>
    public IReadOnlySet<string> WardsOfDistrict(string provinceCode, string district)
    {
        var key = UnitNames.Key(district);
        var type = UnitNames.TypeOf(UnitNames.Expand(district));
        return _wardsByProvince.GetValueOrDefault(provinceCode, [])
            .Where(w => w.DistrictKey == key && (type.Length == 0 || UnitNames.TypeOf(UnitNames.Expand(w.District)) == type))
            .SelectMany(w => w.NewWardCodes)
            .ToHashSet();
    }

    private static string Remove(string text, OldWard sample)
    {
        var type = UnitNames.TypeOf(UnitNames.Expand(sample.District));
        var phrase = UnitNames.Holds(text, type + " " + sample.DistrictKey) ? type + " " + sample.DistrictKey : sample.DistrictKey;
        return (" " + text + " ").Replace(" " + phrase + " ", " ", StringComparison.Ordinal).Trim();
    }

    public static LegacyUnits Load(string path)
    {
        using var stream = System.IO.File.OpenRead(path);
        return new LegacyUnits(JsonSerializer.Deserialize<File>(stream) ?? throw new InvalidDataException($"{path}: empty"));
    }

    private sealed record File(
        [property: JsonPropertyName("provinces")] List<ProvinceJson> Provinces,
        [property: JsonPropertyName("districts")] List<DistrictJson> Districts,
        [property: JsonPropertyName("wards")] List<WardJson> Wards,
        [property: JsonPropertyName("colloquial")] List<ColloquialJson> Colloquial);

    private sealed record ProvinceJson([property: JsonPropertyName("old")] string Old, [property: JsonPropertyName("old_full")] string OldFull, [property: JsonPropertyName("new_code")] string NewCode);

    private sealed record DistrictJson([property: JsonPropertyName("old")] string Old, [property: JsonPropertyName("old_province")] string OldProvince, [property: JsonPropertyName("new_province_code")] string NewProvinceCode);

    private sealed record WardJson(
        [property: JsonPropertyName("old")] string Old,
        [property: JsonPropertyName("old_district")] string OldDistrict,
        [property: JsonPropertyName("new_ward_code")] string NewWardCode,
        [property: JsonPropertyName("new_province_code")] string NewProvinceCode,
        [property: JsonPropertyName("new_ward_codes")] List<string>? NewWardCodes);

    private sealed record ColloquialJson([property: JsonPropertyName("alias")] string Alias, [property: JsonPropertyName("new_code")] string NewCode);
}
