using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace VssBot.Storage.Postgres;

/// <summary>
/// Statements gathered and sent as one command (one round trip), each statement's parameters
/// renamed apart (@id → @id_3), in the order they were added.
/// </summary>
internal sealed partial class Batch(NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    private readonly StringBuilder _sql = new();
    private readonly List<NpgsqlParameter> _parameters = [];
    private int _statements;

    public NpgsqlConnection Connection => connection;
    public NpgsqlTransaction Transaction => transaction;

    public void Add(string sql, params (string Name, object? Value)[] parameters)
    {
        var n = _statements++;
        _sql.Append(Parameter().Replace(sql, m => $"@{m.Groups[1].Value}_{n}")).Append(";\n");
        foreach (var (name, value) in parameters)
        {
            _parameters.Add(new NpgsqlParameter($"{name}_{n}", value ?? DBNull.Value));
        }
    }

    public void Add((string Sql, (string Name, object? Value)[] Parameters) statement) => Add(statement.Sql, statement.Parameters);

    public async Task FlushAsync()
    {
        if (_statements == 0)
        {
            return;
        }

        await using var command = new NpgsqlCommand(_sql.ToString(), connection, transaction);
        command.Parameters.AddRange(_parameters.ToArray());
        await command.ExecuteNonQueryAsync();
        _sql.Clear();
        _parameters.Clear();
        _statements = 0;
    }

    [GeneratedRegex(@"@(\w+)")]
    private static partial Regex Parameter();
}
