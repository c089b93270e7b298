using System.Globalization;
using System.Text;
using MiniExcel = MiniExcelLibs.MiniExcel;
using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Domain.Offices;

namespace VssBot.Lists;

/// <summary>
/// The registration list (the letters' Phụ lục 02): one row a dossier, headers and words
/// from dialogs/lists.yaml, dates as dd/MM/yyyy and IDs as text (no lost leading zeros, no
/// scientific notation). XLSX (MiniExcel) or CSV (UTF-8 with BOM).
/// </summary>
public sealed class RegistrationList(ListWords words, OfficeDirectory offices)
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    /// <summary>The dossiers' rows, then (a unit's list) one row for each person who started
    /// and did not finish, saying how far they got.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows(IEnumerable<Dossier> dossiers, IEnumerable<UnfinishedPerson>? unfinished = null) =>
        [.. DossierRows(dossiers), .. (unfinished ?? []).Select(p => (IReadOnlyList<string>)
        [
            "", p.Name ?? "", "", "", "", p.Phone ?? "", "", "", words.Unfinished, "", "",
            p.Step is { } step ? words.AtStep.Replace("{step}", step.Number.ToString(CultureInfo.InvariantCulture))
                .Replace("{steps}", step.Of.ToString(CultureInfo.InvariantCulture)).Replace("{label}", step.Label) : words.AtMenu,
        ])];

    private IEnumerable<IReadOnlyList<string>> DossierRows(IEnumerable<Dossier> dossiers) =>
        dossiers.OrderBy(d => d.CreatedAt).Select((d, i) => (IReadOnlyList<string>)
        [
            (i + 1).ToString(CultureInfo.InvariantCulture),
            Field(d, "full_name", "c_name"),
            d.Values.GetValueOrDefault("bhxh_code") ?? d.Values.GetValueOrDefault("c_bhxh_code") ?? "",
            d.Values.GetValueOrDefault("id_number") ?? d.Values.GetValueOrDefault("c_guardian_id") ?? "",
            Field(d, "birth_date", "c_birth_date"),
            Field(d, "phone", "c_guardian_phone"),
            d.Values.GetValueOrDefault("email") ?? "",
            d.OfficeId is { } office ? offices.Find(office)?.Title ?? office : "",
            words.Statuses.GetValueOrDefault(d.Status.Word(), d.Status.Word()),
            d.Form01ReceivedAt is null ? words.No : words.Yes,
            string.Join("; ", d.Discrepancies),
            d.Reason ?? "",
        ]);

    public void WriteXlsx(Stream output, IEnumerable<Dossier> dossiers, IEnumerable<UnfinishedPerson>? unfinished = null)
    {
        var rows = Rows(dossiers, unfinished).Select(r => (IDictionary<string, object>)words.Columns.Select((c, i) => (c, (object)r[i])).ToDictionary(p => p.c, p => p.Item2));
        MiniExcel.SaveAs(output, rows.ToList());
    }

    public void WriteCsv(Stream output, IEnumerable<Dossier> dossiers, IEnumerable<UnfinishedPerson>? unfinished = null)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(',', words.Columns.Select(Quote)));
        foreach (var row in Rows(dossiers, unfinished))
        {
            writer.WriteLine(string.Join(',', row.Select(Quote)));
        }
    }

    // RFC 4180, and every value quoted so that Excel reads numbers as text as written.
    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"") + "\"";

    private static string Field(Dossier d, params string[] steps) =>
        steps.Select(s => d.Fields.FirstOrDefault(f => f.StepId == s)?.Display).FirstOrDefault(v => v is not null) ?? "";

    /// <summary>The dossiers a filter keeps: office, status, and creation day (Vietnam time) from/to.</summary>
    public static IEnumerable<Dossier> Filter(IEnumerable<Dossier> dossiers, string? office, string? status, DateOnly? from, DateOnly? to) =>
        dossiers.Where(d => (office is null || d.OfficeId == office) && (status is null || d.Status.Word() == status)
            && (from is null || DateOnly.FromDateTime(d.CreatedAt.ToOffset(Vietnam).DateTime) >= from)
            && (to is null || DateOnly.FromDateTime(d.CreatedAt.ToOffset(Vietnam).DateTime) <= to));
}
