using System.Globalization;

namespace VssBot.Core.Domain.Offices;

/// <summary>
/// When an office's staff answer chats, read from offices.yaml's `open`, e.g.
/// "Mon-Fri 07:30-11:30 13:30-17:00", in Vietnam's time. No `open`: always.
/// </summary>
public static class OfficeHours
{
    private static readonly string[] Days = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static bool IsOpen(string? open, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(open))
        {
            return true;
        }

        var local = now.ToOffset(TimeSpan.FromHours(7));
        var parts = open.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!DayMatches(parts[0], (int)local.DayOfWeek))
        {
            return false;
        }

        var time = TimeOnly.FromDateTime(local.DateTime);
        return parts.Skip(1).Select(Range).Any(r => r.From <= time && time < r.To);
    }

    /// <summary>Throws <see cref="FormatException"/> for a malformed value (checked at start-up).</summary>
    public static void Check(string? open)
    {
        if (string.IsNullOrWhiteSpace(open))
        {
            return;
        }

        var parts = open.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2)
        {
            throw new FormatException($"'{open}': expected days then times, e.g. \"Mon-Fri 07:30-11:30 13:30-17:00\"");
        }

        DayMatches(parts[0], 0);
        foreach (var part in parts.Skip(1))
        {
            Range(part);
        }
    }

    private static bool DayMatches(string spec, int day)
    {
        foreach (var item in spec.ToLowerInvariant().Split(','))
        {
            var range = item.Split('-');
            var from = Array.IndexOf(Days, range[0]);
            var to = Array.IndexOf(Days, range[^1]);
            if (from < 0 || to < 0)
            {
                throw new FormatException($"'{spec}': days are Mon, Tue, Wed, Thu, Fri, Sat, Sun");
            }

            if (from <= to ? day >= from && day <= to : day >= from || day <= to)
            {
                return true;
            }
        }

        return false;
    }

    private static (TimeOnly From, TimeOnly To) Range(string spec)
    {
        var bounds = spec.Split('-');
        if (bounds.Length != 2
            || !TimeOnly.TryParseExact(bounds[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !TimeOnly.TryParseExact(bounds[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            throw new FormatException($"'{spec}': times are HH:mm-HH:mm");
        }

        return (from, to);
    }
}
