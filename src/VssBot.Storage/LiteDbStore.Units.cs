using LiteDB;
using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Domain.Units;
using VssBot.Core.Engine;

namespace VssBot.Storage;

// Units, and the conversations and dossiers that came through their links. Every lookup is
// an exact match on an indexed code or token (no LIKE).
public sealed partial class LiteDbStore
{
    private ILiteCollection<Unit> UnitCollection => _db.GetCollection<Unit>(Collections.Units);

    public Unit? FindUnit(string code) => Unit.CleanCode(code) is { } clean ? UnitCollection.FindById(clean) : null;

    public Unit? FindUnitByToken(string token) =>
        string.IsNullOrEmpty(token) || token.Length > 64 ? null : UnitCollection.FindOne(Query.EQ(nameof(Unit.Token), token));

    public IReadOnlyList<Unit> Units(string? officeId = null) =>
        (officeId is null ? UnitCollection.FindAll() : UnitCollection.Find(u => u.OfficeId == officeId)).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();

    public Task SaveUnitAsync(Unit unit) => _committer.Enqueue(db => db.GetCollection<Unit>(Collections.Units).Upsert(unit));

    public IReadOnlyList<Conversation> ConversationsOfUnits(IReadOnlySet<string> units) =>
        units.Count == 0 ? [] : Db.GetCollection(Collections.Conversations)
            .Find(Query.In("Unit", units.Select(u => new BsonValue(u))))
            .Select(d => FindConversation(d["_id"].AsString) ?? ConversationRecord.Unpack(d))
            .ToList();

    public Task MarkForm01ReceivedAsync(string dossierId, DateTimeOffset at) => _committer.Enqueue(db =>
    {
        var dossiers = db.GetCollection<Dossier>(Collections.Dossiers);
        if (dossiers.FindById(dossierId) is { Form01ReceivedAt: null } dossier)
        {
            dossier.Form01ReceivedAt = at;
            dossiers.Update(dossier);
        }
    });

    public IReadOnlyList<Dossier> DossiersOfUnits(IReadOnlySet<string> units) =>
        units.Count == 0 ? [] : Dossiers.Find(Query.In(nameof(Dossier.UnitCode), units.Select(u => new BsonValue(u)))).ToList();
}
