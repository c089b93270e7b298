using System.Diagnostics;
using VssBot.Core.Conversations;
using VssBot.Core.Domain;
using VssBot.Core.Engine;
using VssBot.IntegrationTests.Support;
using VssBot.Storage.Postgres;

namespace VssBot.Benchmarks;

/// <summary>(pg) The peer workload on PostgreSQL: one, then two instances (each its own engine,
/// store, connection pools and per-conversation locks, as two processes would have; here in one
/// process) on one throw-away local server, citizens spread over the instances.</summary>
internal static class PostgresBench
{
    /// <param name="tcp">Over TCP on 127.0.0.1 rather than the server's Unix socket (how a
    /// client on the database's machine connects).</param>
    public static async Task RunAsync(int citizens, int concurrency, bool tcp)
    {
        await using var server = await PostgresServer.StartAsync();
        // (instances, citizens, printed): a first unmeasured run warms the JIT up.
        foreach (var (instances, people, printed) in new[] { (1, Math.Min(300, citizens), false), (1, citizens, true), (2, citizens, true) })
        {
            var database = $"bench_{instances}_{people}_{printed}".ToLowerInvariant();
            await using (var admin = Npgsql.NpgsqlDataSource.Create(server.ConnectionString))
            await using (var create = admin.CreateCommand($"create database {database}"))
            {
                await create.ExecuteNonQueryAsync();
            }

            var connection = new Npgsql.NpgsqlConnectionStringBuilder(tcp ? server.ConnectionString : server.SocketConnectionString) { Database = database, MaxPoolSize = 60 }.ConnectionString;
            var output = Console.Out;
            Console.SetOut(printed ? output : TextWriter.Null);
            try
            {
                await RunAsync(connection, instances, people, concurrency);
            }
            finally
            {
                Console.SetOut(output);
            }
        }
    }

    private static async Task RunAsync(string connection, int count, int citizens, int concurrency)
    {
        var behaviours = RegistrationBehaviours.Create();
        var content = ContentLoader.Load(Repo.Dialogs, behaviours);
        var stores = new List<PostgresStore>();
        var locks = new List<PostgresConversationLock>();
        var services = new List<ConversationService>();
        for (var i = 0; i < count; i++)
        {
            var store = await PostgresStore.OpenAsync(connection, HostProcess.Key);
            var conversationLock = new PostgresConversationLock(connection, store);
            stores.Add(store);
            locks.Add(conversationLock);
            services.Add(new ConversationService(new DialogEngine(content, behaviours, store.ArchivedDialog), store, TimeProvider.System, [], conversationLock: conversationLock));
        }

        var figures = new Figures($"(pg) engine + PostgreSQL ({(connection.Contains("Host=127.0.0.1") ? "TCP" : "Unix socket")}), {count} instance(s), {citizens} citizens, {concurrency} at a time, {Citizen.SmallPhotoJpeg.Length / 1024.0:F1} KB photos");
        await Parallel.ForEachAsync(Enumerable.Range(0, citizens), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (n, _) =>
        {
            // Every other message lands on the other instance, as behind a load balancer.
            var started = await services[n % count].StartAsync("bench");
            var id = started.Conversation.Id;
            for (var s = 0; s < Citizen.Script.Length; s++)
            {
                var answer = Citizen.Script[s];
                var input = answer == Citizen.Photo ? Input.OfPhoto(Citizen.SmallPhotoJpeg) : Input.Of(answer);
                var clock = Stopwatch.StartNew();
                await services[(n + s) % count].TurnAsync(id, input);
                figures.Add(clock.Elapsed);
            }
        });

        var dossiers = stores[0].AllDossiers().Count;
        figures.Print(dossiers, 0);
        stores.ForEach(s => s.Dispose());
        locks.ForEach(l => l.Dispose());
        if (dossiers != citizens)
        {
            throw new InvalidOperationException($"expected {citizens} dossiers, found {dossiers}");
        }
    }
}
