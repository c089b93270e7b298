using System.Text.Json;
using VssBot.Core.Domain.Dossiers;

namespace VssBot.Core.Tests.Domain;

/// <summary>Statuses are stored, posted and used as text keys as the words they always were.</summary>
public sealed class DossierStatusTests
{
    [Theory]
    [InlineData("submitted", DossierStatus.Submitted)]
    [InlineData("approved", DossierStatus.Approved)]
    [InlineData("rejected", DossierStatus.Rejected)]
    [InlineData("changes", DossierStatus.ChangesRequested)]
    public void TheWordRoundTrips(string word, DossierStatus status)
    {
        Assert.Equal(status, DossierStatuses.Parse(word));
        Assert.Equal(word, status.Word());
        Assert.Equal(status, JsonSerializer.Deserialize<Dossier>($$"""{"Id":"VB-1","Status":"{{word}}"}""")!.Status);
        Assert.Contains($"\"Status\":\"{word}\"", JsonSerializer.Serialize(new Dossier { Status = status }));
    }

    [Theory]
    [InlineData("Approved")]
    [InlineData("1")]
    [InlineData("")]
    [InlineData(null)]
    public void AnyOtherWordIsNoStatus(string? word) => Assert.Null(DossierStatuses.Parse(word));
}
