using LiteDB;
using VssBot.Core.Conversations;
using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Engine;

namespace VssBot.Storage;

// A turn's writes: journaled (the conversation, its transcript, photos, dossier, outbox,
// links), or straight into the file when they delete over key ranges.
public sealed partial class LiteDbStore
{
    public async Task CommitAsync(TurnResult turn)
    {
        // Serialising here, on the caller's thread, keeps the single writer's work small.
        var document = ConversationRecord.Pack(turn.Conversation);
        var previous = turn.EraseConversation ? null : Committed(turn.Conversation.Id); // an erasure drops the old tail
        var page = TranscriptTail.Add(document, previous, turn.Conversation.Id, turn.Transcript);
        try
        {
            if (turn.EraseConversation || turn.PhotosToDelete.Count > 0)
            {
                // Deletions over key ranges and LiteDB's older photo storage: straight into
                // the file, after everything pending.
                await _committer.Enqueue(db =>
                {
                    if (turn.EraseConversation)
                    {
                        Erase(db, turn.Conversation.Id, keepConversation: true);
                    }

                    foreach (var key in turn.PhotosToDelete)
                    {
                        PhotoShelf.Delete(db, key);
                    }

                    Write(new DirectDocs(db), turn, document, page);
                });
            }
            else
            {
                await _committer.Journal(docs => Write(docs, turn, document, page));
            }
        }
        catch
        {
            _committed.TryRemove(turn.Conversation.Id, out _);
            throw;
        }

        if (_committed.Count >= CacheSize)
        {
            _committed.Clear();
        }

        _committed[turn.Conversation.Id] = document;
        foreach (var link in turn.Links)
        {
            if (_links.Count < CacheSize)
            {
                _links[link.Id] = link.ConversationId;
            }
        }

        if (turn.EraseConversation)
        {
            _links.Clear();
        }
    }

    private static void Write(IDocs docs, TurnResult turn, BsonDocument conversation, TranscriptPage? page)
    {
        // A reference is unique: another conversation's dossier is never replaced; the
        // turn is refused whole and run again with the next reference.
        if (turn.Dossier is { } submitted && docs.Find<Dossier>(Collections.Dossiers, submitted.Id) is { } existing
            && existing.ConversationId != submitted.ConversationId)
        {
            throw new DossierReferenceTakenException(submitted.Id);
        }

        docs.Upsert(Collections.Conversations, conversation);
        if (page is not null)
        {
            // A page's id (conversation, first seq) is new by construction.
            docs.Upsert(Collections.Transcript, page);
        }

        foreach (var photo in turn.PhotosToStore)
        {
            PhotoShelf.Put(docs, photo.Key, photo.Jpeg);
        }

        if (turn.Dossier is { } dossier)
        {
            if (turn.DossierResubmitted && docs.Find<Dossier>(Collections.Dossiers, dossier.Id) is { } earlier)
            {
                Resubmission.CarryOver(dossier, earlier);
            }

            docs.Upsert(Collections.Dossiers, dossier);
        }

        if (turn.LoggedIn is { } login && docs.Find<Dossier>(Collections.Dossiers, login.DossierId) is { } loggedIn
            && loggedIn.ConversationId == turn.Conversation.Id)
        {
            loggedIn.LoggedInAt ??= login.At;
            docs.Upsert(Collections.Dossiers, loggedIn);
        }

        if (turn.Discrepancy is { } reported && turn.Conversation.Dossiers.LastOrDefault() is { } latest
            && docs.Find<Dossier>(Collections.Dossiers, latest) is { } reportedOn)
        {
            reportedOn.Discrepancies.Add(reported);
            docs.Upsert(Collections.Dossiers, reportedOn);
        }

        foreach (var message in turn.Outbox)
        {
            docs.Upsert(Collections.Outbox, message);
        }

        foreach (var id in turn.HandledUpdates)
        {
            MarkHandled(docs, id);
        }

        foreach (var link in turn.Links)
        {
            docs.Upsert(Collections.Links, link);
        }

        if (turn.HandoffChanged)
        {
            if (turn.Conversation.Handoff is null)
            {
                docs.Delete(Collections.Handoffs, turn.Conversation.Id);
            }
            else
            {
                docs.Upsert(Collections.Handoffs, new BsonDocument { ["_id"] = turn.Conversation.Id });
            }
        }
    }
}
