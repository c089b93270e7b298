using VssBot.Core.Dialogs;

namespace VssBot.Core.Domain.Offices;

/// <summary>The offices and help contacts from dialogs/offices.yaml, which operators edit.</summary>
public sealed class OfficeDirectory(IReadOnlyList<Office> offices, string hotlineName, string hotlinePhone)
{
    public IReadOnlyList<Office> Offices { get; } = offices;
    public string HotlineName { get; } = hotlineName;
    public string HotlinePhone { get; } = hotlinePhone;

    public Office? Find(string id) => Offices.FirstOrDefault(o => o.Id == id);

    /// <summary>The offices of a province, the one that serves <paramref name="wardCode"/> first.</summary>
    public IReadOnlyList<Office> InProvince(string? provinceCode, string? wardCode = null) =>
        Offices.Where(o => o.ProvinceCode == provinceCode).OrderBy(o => wardCode is not null && o.Wards.Contains(wardCode) ? 0 : 1).ToList();

    /// <summary>The offices with the wards of today that their former districts became
    /// (from the legacy data); an unknown district in "serves" is refused.</summary>
    public OfficeDirectory WithWards(AdminUnits.LegacyUnits? legacy)
    {
        if (legacy is null)
        {
            return this;
        }

        var offices = Offices.Select(o =>
        {
            var wards = new HashSet<string>();
            foreach (var district in o.Serves)
            {
                var found = legacy.WardsOfDistrict(o.ProvinceCode, district);
                if (found.Count == 0)
                {
                    throw new Dialogs.DialogFileException("offices.yaml", null, $"office '{o.Id}': serves '{district}', which is no district of province {o.ProvinceCode} before 2025");
                }

                wards.UnionWith(found);
            }

            return o with { Wards = wards };
        }).ToList();
        return new OfficeDirectory(offices, HotlineName, HotlinePhone);
    }

    /// <summary>The contacts to show a person who is stuck: their office's staff first
    /// (when the office or province is known), always the national hotline.</summary>
    public string ContactsText(Engine.EngineTexts texts, string? officeId, string? provinceCode, string? wardCode = null)
    {
        var lines = new List<string>();
        var offices = officeId is not null && Find(officeId) is { } office ? [office] : InProvince(provinceCode, wardCode);
        foreach (var o in offices)
        {
            var people = o.Staff.Select(s => $"  • {s.Name}{(s.Role is null ? "" : $" ({s.Role})")}: {s.Phone}{(s.Zalo ? " " + texts["contacts_zalo"] : "")}");
            lines.Add(o.Name + (o.Phone is null ? "" : texts.Format("contacts_phone", ("phone", o.Phone))) + (o.Hours is null ? "" : "\n  " + texts.Format("contacts_hours", ("hours", o.Hours))));
            lines.AddRange(people);
        }

        lines.Add($"{HotlineName}: {HotlinePhone}");
        return string.Join('\n', lines);
    }

    public static OfficeDirectory Load(string path)
    {
        var fileName = Path.GetFileName(path);
        var file = YamlFile.Read<OfficesFile>(path);
        if (file.Hotline?.Phone is null || file.Hotline.Name is null)
        {
            throw new DialogFileException(fileName, null, "'hotline' with 'name' and 'phone' is missing");
        }

        var offices = (file.Offices ?? []).Select((o, i) =>
        {
            var where = o.Id is null ? $"office #{i + 1}" : $"office '{o.Id}'";
            if (o.Id is null || o.Name is null || o.Province is null)
            {
                throw new DialogFileException(fileName, null, $"{where}: 'id', 'name' and 'province' are required");
            }

            var staff = (o.Staff ?? []).Select(s => s.Name is null || s.Phone is null
                ? throw new DialogFileException(fileName, null, $"{where}: every staff entry needs 'name' and 'phone'")
                : new StaffContact(s.Name, s.Role, s.Phone, s.Zalo)).ToList();
            try
            {
                OfficeHours.Check(o.Open);
            }
            catch (FormatException e)
            {
                throw new DialogFileException(fileName, null, $"{where}: 'open' {e.Message}");
            }

            return new Office(o.Id, o.Code, o.Name, o.Province, o.Phone, o.Address, o.Hours, staff, o.Open, o.RequireTwoFactor)
            {
                Formerly = o.Formerly,
                Serves = o.Serves ?? [],
            };
        }).ToList();
        var duplicate = offices.GroupBy(o => o.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new DialogFileException(fileName, null, $"office id '{duplicate.Key}' is used twice");
        }

        return new OfficeDirectory(offices, file.Hotline.Name, file.Hotline.Phone);
    }

    private sealed class OfficesFile
    {
        public HotlineFile? Hotline { get; set; }
        public List<OfficeFile>? Offices { get; set; }
    }

    private sealed class HotlineFile
    {
        public string? Name { get; set; }
        public string? Phone { get; set; }
    }

    private sealed class OfficeFile
    {
        public string? Id { get; set; }
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? Province { get; set; }
        public string? Phone { get; set; }
        public string? Address { get; set; }
        public string? Hours { get; set; }
        public string? Open { get; set; }
        [YamlDotNet.Serialization.YamlMember(Alias = "require_two_factor", ApplyNamingConventions = false)]
        public bool RequireTwoFactor { get; set; }
        public string? Formerly { get; set; }
        public List<string>? Serves { get; set; }
        public List<StaffFile>? Staff { get; set; }
    }

    private sealed class StaffFile
    {
        public string? Name { get; set; }
        public string? Role { get; set; }
        public string? Phone { get; set; }
        public bool Zalo { get; set; }
    }
}
