namespace VssBot.Core.Domain.Units;

/// <summary>A unit with its sub-units, at any depth.</summary>
public static class UnitTree
{
    /// <summary>The codes of <paramref name="root"/> and of every unit below it.</summary>
    public static IReadOnlySet<string> Below(string root, IEnumerable<Unit> all)
    {
        var children = all.Where(u => u.ParentCode is not null).ToLookup(u => u.ParentCode!);
        var codes = new HashSet<string>();
        var next = new Queue<string>([root]);
        while (next.TryDequeue(out var code))
        {
            if (codes.Add(code))
            {
                foreach (var child in children[code])
                {
                    next.Enqueue(child.Code);
                }
            }
        }

        return codes;
    }
}
