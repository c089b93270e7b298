using VssBot.Configuration;
using VssBot.Core.Domain;
using VssBot.Core.Engine;
using VssBot.Hosting;

namespace VssBot.Cli;

/// <summary>`vssbot dialog list` and `vssbot dialog mermaid ID`: inspect the dialogs
/// folder without starting the server.</summary>
public static class DialogCommand
{
    public static int Run(string[] words, IConfiguration configuration, IHostEnvironment environment, TextWriter output)
    {
        var options = configuration.Read<DialogOptions>(DialogOptions.Section);
        var behaviours = RegistrationBehaviours.Create();
        var content = ContentLoader.Load(DependencyInjection.DialogsDirectory(options, environment), behaviours);
        var engine = new DialogEngine(content, behaviours);
        switch (words)
        {
            case ["list"] or []:
                foreach (var dialog in content.Dialogs.Values)
                {
                    output.WriteLine($"{dialog.Id}\t{dialog.Version}\t{dialog.Steps.Count} steps\t{dialog.Title}");
                }

                return 0;
            case ["mermaid", var id] when content.Dialogs.ContainsKey(id):
                output.WriteLine(engine.Mermaid(id));
                return 0;
            default:
                output.WriteLine("usage: dialog list | dialog mermaid <dialog-id>");
                output.WriteLine($"dialogs: {string.Join(", ", content.Dialogs.Keys)}");
                return 2;
        }
    }
}
