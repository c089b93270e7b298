namespace VssBot.Core.Engine;

/// <summary>Where a person is, by the ids of their office, province and ward (each may be unknown).</summary>
public sealed record Whereabouts(string? OfficeId, string? ProvinceId, string? WardId)
{
    public static readonly Whereabouts Unknown = new(null, null, null);
}
