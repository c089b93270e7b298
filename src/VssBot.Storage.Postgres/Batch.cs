using System.Text.RegularExpressions;
using Npgsql;

namespace VssBot.Storage.Postgres;

/// <summary>
/// Statements gathered and sent together (one round trip, an NpgsqlBatch). Each statement's
/// named parameters become positional ($1, $2 …), so a statement's text is the same every turn
/// and the server's prepared form is reused. Without a transaction, the statements sent
/// together are one transaction of their own (PostgreSQL's implicit transaction up to the
/// batch's one Sync): all or nothing, in one round trip with no BEGIN or COMMIT.
/// </summary>
internal sealed partial class Batch(NpgsqlConnection connection, NpgsqlTransaction? transaction)
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Text, List<string> Order)> Rewritten = new();

    private NpgsqlBatch _batch = new(connection, transaction);

    public NpgsqlConnection Connection => connection;

    /// <summary>The transaction the batch runs in; none under a conversation lock (its
    /// transaction was begun in SQL) or for a write-only turn (its own implicit one).</summary>
    public NpgsqlTransaction? Transaction => transaction;

    public void Add(string sql, params (string Name, object? Value)[] parameters)
    {
        var (text, order) = Rewritten.GetOrAdd(sql, Positional);
        var command = new NpgsqlBatchCommand(text);
        foreach (var name in order)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameters.Single(p => p.Name == name).Value ?? DBNull.Value });
        }

        _batch.BatchCommands.Add(command);
    }

    public void Add((string Sql, (string Name, object? Value)[] Parameters) statement) => Add(statement.Sql, statement.Parameters);

    public async Task FlushAsync()
    {
        if (_batch.BatchCommands.Count == 0)
        {
            return;
        }

        await using (_batch)
        {
            await _batch.ExecuteNonQueryAsync();
        }

        _batch = new NpgsqlBatch(connection, transaction);
    }

    private static (string, List<string>) Positional(string sql)
    {
        var order = new List<string>();
        var text = Parameter().Replace(sql, m =>
        {
            var name = m.Groups[1].Value;
            var index = order.IndexOf(name);
            if (index < 0)
            {
                order.Add(name);
                index = order.Count - 1;
            }

            return "$" + (index + 1);
        });
        return (text, order);
    }

    [GeneratedRegex(@"@(\w+)")]
    private static partial Regex Parameter();
}
