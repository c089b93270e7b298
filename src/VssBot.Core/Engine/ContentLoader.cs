using VssBot.Core.Dialogs;
using VssBot.Core.Domain.AdminUnits;
using VssBot.Core.Domain.Faq;
using VssBot.Core.Domain.Offices;

namespace VssBot.Core.Engine;

/// <summary>
/// Reads the dialogs/ folder and checks it whole: a fault in any file stops start-up
/// with the file, the step and what is wrong.
/// </summary>
public static class ContentLoader
{
    public const string FlowsFolder = "flows";
    public const string UnitsFile = "data/vn-units-2026-07-25.json";
    public const string LegacyUnitsFile = "data/legacy/legacy-aliases.json";

    public static DialogContent Load(string directory, StepBehaviours behaviours)
    {
        if (!Directory.Exists(directory))
        {
            throw new DialogFileException(directory, null, "the dialogs folder does not exist (set Dialogs:Directory)");
        }

        var names = behaviours.Names;
        var dialogs = new Dictionary<string, DialogDefinition>();
        var flows = Path.Combine(directory, FlowsFolder);
        foreach (var path in Directory.Exists(flows) ? Directory.GetFiles(flows, "*.yaml").Order().ToArray() : [])
        {
            var fileName = Path.GetRelativePath(directory, path);
            var dialog = DialogLoader.Parse(fileName, File.ReadAllText(path), names);
            if (!dialogs.TryAdd(dialog.Id, dialog))
            {
                throw new DialogFileException(fileName, null, $"dialog id '{dialog.Id}' is used by another file too");
            }
        }

        if (dialogs.Count == 0)
        {
            throw new DialogFileException(FlowsFolder, null, "no dialog files (*.yaml)");
        }

        foreach (var dialog in dialogs.Values)
        {
            foreach (var step in dialog.Steps)
            {
                foreach (var edge in step.Edges.Where(e => e.LeavesDialog && !dialogs.ContainsKey(e.Goto[1..])))
                {
                    throw new DialogFileException($"{FlowsFolder}/{dialog.Id}.yaml", step.Id, $"goes to dialog '{edge.Goto[1..]}', which does not exist");
                }
            }
        }

        var texts = ReadMap<string>(directory, "messages.yaml");
        var missing = EngineTexts.Keys.Where(k => !texts.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw new DialogFileException("messages.yaml", null, $"missing messages: {string.Join(", ", missing)}");
        }

        var commands = ReadMap<List<string>>(directory, "commands.yaml");
        var missingCommands = CommandWords.Names.Where(k => !commands.ContainsKey(k)).ToList();
        if (missingCommands.Count > 0)
        {
            throw new DialogFileException("commands.yaml", null, $"missing commands: {string.Join(", ", missingCommands)}");
        }

        var units = AdminUnitBook.Load(Path.Combine(directory, UnitsFile), Path.Combine(directory, LegacyUnitsFile));
        return new DialogContent(
            dialogs,
            new EngineTexts(texts),
            new CommandWords(commands.ToDictionary(c => c.Key, c => (IReadOnlyList<string>)c.Value)),
            units,
            OfficeDirectory.Load(Path.Combine(directory, "offices.yaml")).WithWards(units.Legacy),
            FaqBook.Load(Path.Combine(directory, "faq.yaml")),
            YamlFile.Read<List<string>>(Path.Combine(directory, "canned.yaml")))
        {
            Answers = LoadAnswerWords(directory),
            DecisionReasons = ReadMap<List<string>>(directory, "decisions.yaml").GetValueOrDefault("reasons")
                ?? throw new DialogFileException("decisions.yaml", null, "'reasons' is required"),
            Validation = Domain.Validation.ValidationTexts.Load(Path.Combine(directory, "validation.yaml")),
        };
    }

    private static Text.AnswerWords LoadAnswerWords(string directory)
    {
        var words = ReadMap<List<string>>(directory, "answers.yaml");
        if (!words.TryGetValue("before", out var before) || !words.TryGetValue("after", out var after))
        {
            throw new DialogFileException("answers.yaml", null, "'before' and 'after' lists are required");
        }

        return new Text.AnswerWords(before, after);
    }

    private static Dictionary<string, T> ReadMap<T>(string directory, string name) =>
        YamlFile.Read<Dictionary<string, T>>(Path.Combine(directory, name), name);
}
