using System.Text.Json;
using VssBot.Core.Retention;
using VssBot.Storage;

namespace VssBot.Cli;

/// <summary>
/// Operator commands on stored personal data (run with the server stopped: the database
/// file is opened exclusively):
/// `data export CODE [DIR]` for an access request, `data delete CODE` for an
/// erasure request, `dossier decide REF approved|rejected`, `retention sweep`.
/// CODE is the person's BHXH code or ID number.
/// </summary>
public static class DataCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(string[] words, IServiceProvider services, IConfiguration configuration, TimeProvider clock, TextWriter output)
    {
        if (words is ["data", "migrate"])
        {
            return await DataMigration.RunAsync(services, configuration, output);
        }

        var retention = services.GetRequiredService<IRetentionStore>();
        var dossiers = services.GetRequiredService<Core.Domain.Dossiers.IDossierStore>();
        var store = services.GetRequiredService<Core.Conversations.IConversationStore>();
        var conversations = services.GetRequiredService<Core.Conversations.ConversationService>();
        var list = services.GetRequiredService<Lists.RegistrationList>();
        switch (words)
        {
            case ["data", "export", var code, .. var rest]:
                // A neutral name: a folder named after an ID number would itself be personal data.
                var folder = rest is [var dir] ? dir : $"export-{clock.GetUtcNow():yyyyMMddHHmmss}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";
                return Export(retention, dossiers, store, code, folder, output);
            case ["data", "delete", var code]:
                var ids = retention.ConversationsOf(code);
                await retention.DeleteConversationsAsync(ids);
                output.WriteLine($"deleted {ids.Count} conversation(s) with their transcripts, photos and dossiers");
                return 0;
            case ["dossier", "decide", var reference, "approved" or "rejected", .. var reason]:
                // Through the conversation, so the person is told (on their channel) as from the console.
                var decided = await conversations.DecideAsync(reference, new Core.Engine.DossierDecision(Core.Domain.Dossiers.DossierStatuses.Parse(words[3])!.Value, reason.Length == 0 ? null : string.Join(' ', reason), []));
                output.WriteLine(decided ? $"{reference}: {words[3]}" : $"{reference}: no such dossier");
                return decided ? 0 : 1;
            case ["dossier", "export"]:
                return Export(dossiers, list, configuration, output);
            case ["retention", "sweep"]:
                var swept = await retention.SweepAsync(services.GetRequiredService<RetentionOptions>(), clock.GetUtcNow());
                output.WriteLine($"photos deleted from {swept.DossierPhotosDeleted} dossier(s); {swept.ConversationsDeleted} abandoned conversation(s) deleted");
                return 0;
            default:
                output.WriteLine("usage: data export CODE [DIR] | data delete CODE | data migrate --from litedb --to postgres | dossier decide REF approved|rejected [REASON…] | dossier export --format xlsx|csv [--office ID] [--status S] [--out FILE] | retention sweep");
                return 2;
        }
    }

    /// <summary>`dossier export --format xlsx|csv [--office ID] [--status S] [--out FILE]`: the
    /// registration list of every office (the operator's command), filtered.</summary>
    private static int Export(Core.Domain.Dossiers.IDossierStore store, Lists.RegistrationList list, IConfiguration options, TextWriter output)
    {
        var format = options["format"] ?? "xlsx";
        if (format is not ("xlsx" or "csv"))
        {
            output.WriteLine("usage: dossier export --format xlsx|csv [--office ID] [--status S] [--out FILE]");
            return 2;
        }

        var dossiers = Lists.RegistrationList.Filter(store.AllDossiers(), options["office"], options["status"], null, null).ToList();
        var path = options["out"] ?? $"danh-sach-dang-ky.{format}";
        using var buffer = new MemoryStream();
        if (format == "xlsx")
        {
            list.WriteXlsx(buffer, dossiers);
        }
        else
        {
            list.WriteCsv(buffer, dossiers);
        }

        // Personal data: readable by the operator only, and never over an existing file.
        PrivateFiles.Write(path, buffer.ToArray());
        output.WriteLine($"{dossiers.Count} dossier(s) written to {Path.GetFullPath(path)}");
        return 0;
    }

    private static int Export(IRetentionStore retention, Core.Domain.Dossiers.IDossierStore dossierStore, Core.Conversations.IConversationStore store, string code, string folder, TextWriter output)
    {
        var ids = retention.ConversationsOf(code);
        PrivateFiles.CreateDirectory(folder);
        PrivateFiles.CreateDirectory(Path.Combine(folder, "photos"));
        var photos = 0;
        var conversations = ids.Select(id =>
        {
            var conversation = store.FindConversation(id);
            var dossiers = dossierStore.DossiersOf(id);
            var keys = dossiers.SelectMany(d => d.PhotoKeys)
                .Concat(conversation?.Answers.Values.Select(a => a.Value).Where(v => v.StartsWith(id + "/")) ?? [])
                .Distinct();
            foreach (var key in keys)
            {
                if (store.Photo(key) is { } bytes)
                {
                    PrivateFiles.Write(Path.Combine(folder, "photos", key.Replace('/', '_') + ".jpg"), bytes);
                    photos++;
                }
            }

            return new { conversation, dossiers, transcript = store.Transcript(id, 0) };
        }).ToList();
        PrivateFiles.Write(Path.Combine(folder, "data.json"), System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { code, exportedConversations = conversations }, Json)));
        output.WriteLine($"exported {ids.Count} conversation(s) and {photos} photo(s) to {Path.GetFullPath(folder)}");
        return 0;
    }
}
