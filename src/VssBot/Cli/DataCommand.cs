using System.Text.Json;
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

    public static async Task<int> RunAsync(string[] words, LiteDbStore store, Core.Conversations.ConversationService conversations, IConfiguration configuration, TimeProvider clock, TextWriter output)
    {
        switch (words)
        {
            case ["data", "export", var code, .. var rest]:
                // A neutral name: a folder named after an ID number would itself be personal data.
                var folder = rest is [var dir] ? dir : $"export-{clock.GetUtcNow():yyyyMMddHHmmss}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3))}";
                return Export(store, code, folder, output);
            case ["data", "delete", var code]:
                var ids = store.ConversationsOf(code);
                await store.DeleteConversationsAsync(ids);
                output.WriteLine($"deleted {ids.Count} conversation(s) with their transcripts, photos and dossiers");
                return 0;
            case ["dossier", "decide", var reference, "approved" or "rejected", .. var reason]:
                // Through the conversation, so the person is told (on their channel) as from the console.
                var decided = await conversations.DecideAsync(reference, new Core.Engine.DossierDecision(words[3], reason.Length == 0 ? null : string.Join(' ', reason), []));
                output.WriteLine(decided ? $"{reference}: {words[3]}" : $"{reference}: no such dossier");
                return decided ? 0 : 1;
            case ["retention", "sweep"]:
                var options = configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>() ?? new RetentionOptions();
                var swept = await store.SweepAsync(options, clock.GetUtcNow());
                output.WriteLine($"photos deleted from {swept.DossierPhotosDeleted} dossier(s); {swept.ConversationsDeleted} abandoned conversation(s) deleted");
                return 0;
            default:
                output.WriteLine("usage: data export CODE [DIR] | data delete CODE | dossier decide REF approved|rejected [REASON…] | retention sweep");
                return 2;
        }
    }

    private static int Export(LiteDbStore store, string code, string folder, TextWriter output)
    {
        var ids = store.ConversationsOf(code);
        PrivateFiles.CreateDirectory(folder);
        PrivateFiles.CreateDirectory(Path.Combine(folder, "photos"));
        var photos = 0;
        var conversations = ids.Select(id =>
        {
            var conversation = store.FindConversation(id);
            var dossiers = store.DossiersOf(id);
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
