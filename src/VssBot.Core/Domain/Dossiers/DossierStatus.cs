using System.Text.Json.Serialization;

namespace VssBot.Core.Domain.Dossiers;

/// <summary>Where a dossier stands. Stored, posted by the console's forms and used as text keys
/// as the words "submitted", "approved", "rejected" and "changes" (<see cref="DossierStatuses"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DossierStatus>))]
public enum DossierStatus
{
    [JsonStringEnumMemberName("submitted")]
    Submitted,

    [JsonStringEnumMemberName("approved")]
    Approved,

    [JsonStringEnumMemberName("rejected")]
    Rejected,

    /// <summary>Staff asked for some answers or photos again; the citizen is redoing them.</summary>
    [JsonStringEnumMemberName("changes")]
    ChangesRequested,
}

public static class DossierStatuses
{
    /// <summary>The stored word.</summary>
    public static string Word(this DossierStatus status) => status switch
    {
        DossierStatus.Approved => "approved",
        DossierStatus.Rejected => "rejected",
        DossierStatus.ChangesRequested => "changes",
        _ => "submitted",
    };

    /// <summary>The status a stored or posted word names; null for any other word.</summary>
    public static DossierStatus? Parse(string? word) => word switch
    {
        "submitted" => DossierStatus.Submitted,
        "approved" => DossierStatus.Approved,
        "rejected" => DossierStatus.Rejected,
        "changes" => DossierStatus.ChangesRequested,
        _ => null,
    };

    public static bool IsDecided(this DossierStatus status) => status is DossierStatus.Approved or DossierStatus.Rejected;
}
