using System.Globalization;
using VssBot.Core.Domain.Units;
using VssBot.Core.Engine;
using VssBot.Units;

namespace VssBot.Cli;

/// <summary>
/// `unit add CODE --name "…" --office OFFICE_ID [--parent CODE] [--target N] [--children-target N]
/// [--deadline yyyy-MM-dd]` makes or changes a unit and prints its links; `unit list [--office ID]`;
/// `unit poster CODE --out FILE.pdf|.png`. Options come as configuration (--name=… or --name …).
/// </summary>
public static class UnitCommand
{
    private const string Usage = "usage: unit add CODE --name \"…\" --office OFFICE_ID [--parent CODE] [--target N] [--children-target N] [--deadline yyyy-MM-dd]\n"
        + "       unit list [--office ID]\n       unit poster CODE --out FILE.pdf|.png";

    public static async Task<int> RunAsync(string[] words, IServiceProvider services, IConfiguration options, TextWriter output, TimeProvider clock)
    {
        var store = services.GetRequiredService<IUnitStore>();
        var audit = services.GetRequiredService<VssBot.Core.Staff.IAuditLog>();
        var links = services.GetRequiredService<UnitLinks>();
        switch (words)
        {
            case ["unit", "add", var code]:
                return await AddAsync(store, audit, services.GetRequiredService<DialogContent>(), links, code, options, output, clock);
            case ["unit", "list"]:
                foreach (var unit in store.Units(options["office"]))
                {
                    output.WriteLine($"{unit.Code}\t{unit.Name}\t{unit.OfficeId}\t{unit.ParentCode ?? "-"}\t{unit.Target}\t{unit.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"}\t{links.Web(unit)}");
                }

                return 0;
            case ["unit", "poster", var code] when options["out"] is { } path && (path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".png", StringComparison.OrdinalIgnoreCase)):
                if (store.FindUnit(code) is not { } found)
                {
                    output.WriteLine($"no unit '{code}'");
                    return 2;
                }

                var poster = services.GetRequiredService<UnitPoster>();
                await File.WriteAllBytesAsync(path, path.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? poster.Pdf(found) : poster.Png(found));
                output.WriteLine($"poster of {found.Code} written to {Path.GetFullPath(path)}");
                return 0;
            default:
                output.WriteLine(Usage);
                return 2;
        }
    }

    private static async Task<int> AddAsync(IUnitStore store, VssBot.Core.Staff.IAuditLog audit, DialogContent content, UnitLinks links, string code, IConfiguration options, TextWriter output, TimeProvider clock)
    {
        var form = UnitForm.Read(code, options["name"], options["office"], options["parent"], options["target"], options["children-target"], options["deadline"]);
        if (form.Check(store, content.Offices) is { } problem)
        {
            output.WriteLine(problem);
            output.WriteLine(Usage);
            return 2;
        }

        var unit = await form.SaveAsync(store, clock);
        await audit.AuditAsync("cli", "unit-save", unit.Code, clock.GetUtcNow());
        output.WriteLine($"{unit.Code}: {unit.Name} ({unit.OfficeId})");
        output.WriteLine($"web: {links.Web(unit)}");
        output.WriteLine($"telegram: {links.Telegram(unit) ?? "(set Telegram:BotUsername)"}");
        return 0;
    }
}
