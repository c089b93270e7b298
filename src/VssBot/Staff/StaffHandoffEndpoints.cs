using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using VssBot.Core.Conversations;
using VssBot.Core.Dialogs;
using VssBot.Core.Engine;
using VssBot.Core.Photos;
using VssBot.Core.Staff;

using static VssBot.Staff.StaffHttp;

using VssBot.Core.Domain.Dossiers;

using VssBot.Core.Domain.Units;

namespace VssBot.Staff;

/// <summary>The live handoff in the staff console: the queue, claiming, replying with
/// text or a photo, notes, releasing to the bot, closing; changes pushed as server-sent
/// events. Staff see only their offices' conversations (another's is "not found").</summary>
internal static class StaffHandoffEndpoints
{
    public static void Map(RouteGroupBuilder staff)
    {
        staff.MapGet("", (HttpContext http, IAntiforgery antiforgery, IStaffStore staffStore, IHandoffStore handoffs, TimeProvider clock) =>
            Me(http, staffStore) is not { } me ? Results.Redirect("/staff/login")
            // A unit's coordinator has no queue: their home is their unit's page.
            : me.Unit is { } unit ? Results.Redirect($"/staff/units/{unit}")
            : Queue(me, handoffs, clock, Token(http, antiforgery), whole: true));

        staff.MapGet("/queue", (HttpContext http, IAntiforgery antiforgery, IStaffStore staffStore, IHandoffStore handoffs, TimeProvider clock) =>
            Me(http, staffStore) is not { } me ? Results.Unauthorized()
            : Queue(me, handoffs, clock, Token(http, antiforgery), whole: false));

        staff.MapGet("/events", async (HttpContext http, StaffEvents events, IStaffStore staffStore, ILogger<StaffEvents> logger) =>
        {
            if (Me(http, staffStore) is not { } me)
            {
                return;
            }

            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-store";
            await http.Response.WriteAsync(": connected\n\n", http.RequestAborted);
            await http.Response.Body.FlushAsync(http.RequestAborted);
            try
            {
                await foreach (var id in events.Subscribe(me.Id, http.RequestAborted).ReadAllAsync(http.RequestAborted))
                {
                    await http.Response.WriteAsync($"data: {id}\n\n", http.RequestAborted);
                    await http.Response.Body.FlushAsync(http.RequestAborted);
                }
            }
            catch (OperationCanceledException e)
            {
                // The page was closed (or the server is stopping): the stream ends, as it should.
                logger.LogDebug(e, "Staff events: a stream ended");
            }
        });

        staff.MapGet("/conversations/{id}", (string id, HttpContext http, IAntiforgery antiforgery, IStaffStore staffStore, IHandoffStore handoffs, IConversationStore store, DialogContent content,
            IEnumerable<IChannelNotice> notices, TimeProvider clock) =>
        {
            if (Me(http, staffStore) is not { } me)
            {
                return Results.Redirect("/staff/login");
            }

            if (Visible(store, me, id) is not { } conversation)
            {
                return NotFound();
            }

            return StaffView.Page<Pages.ConversationPage>(new
            {
                Me = me,
                Token = Token(http, antiforgery),
                Conversation = conversation,
                Content = content,
                Entries = store.Transcript(id, 0),
                Notes = handoffs.Notes(id),
                Notice = notices.Select(n => n.NoticeFor(conversation, clock.GetUtcNow())).FirstOrDefault(n => n is not null),
            });
        });

        staff.MapGet("/conversations/{id}/transcript", (string id, HttpContext http, IStaffStore staffStore, IConversationStore store) =>
            Me(http, staffStore) is not { } me || Visible(store, me, id) is null ? NotFound()
            : StaffView.Fragment<Pages.Transcript>(new { Entries = store.Transcript(id, 0) }));

        foreach (var (path, action) in new[] { ("claim", StaffAction.Claim), ("release", StaffAction.Release), ("close", StaffAction.Close) })
        {
            staff.MapPost($"/conversations/{{id}}/{path}", async (string id, HttpContext http, IAntiforgery antiforgery, IStaffStore staffStore, IAuditLog audit, IConversationStore store, ConversationService conversations, TimeProvider clock) =>
                await TokenValidAsync(http, antiforgery) ? await ActAsync(id, http, staffStore, store, audit, conversations, clock, action, null, null) : Forged())
                .DisableAntiforgery();
        }

        staff.MapPost("/conversations/{id}/messages", async (string id, HttpContext http, IAntiforgery antiforgery, IStaffStore staffStore, IAuditLog audit, IConversationStore store, ConversationService conversations, PhotoIntake photos, DialogContent content, TimeProvider clock) =>
        {
            if (!await TokenValidAsync(http, antiforgery))
            {
                return Forged();
            }

            var form = await http.Request.ReadFormAsync();
            var text = form["text"].FirstOrDefault();
            var photo = form.Files.GetFile("photo");
            byte[]? jpeg = null;
            if (photo is { Length: > 0 })
            {
                using var buffer = new MemoryStream();
                await photo.CopyToAsync(buffer);
                var check = await photos.CheckAsync(buffer.ToArray(), http.RequestAborted);
                if (!check.Accepted)
                {
                    return VssBot.Web.ApiProblem.Of(StatusCodes.Status400BadRequest, "bad_photo", check.Refusal!);
                }

                jpeg = check.Jpeg;
            }

            if (string.IsNullOrWhiteSpace(text) && jpeg is null)
            {
                return VssBot.Web.ApiProblem.Of(StatusCodes.Status400BadRequest, "empty", content.Texts["staff_empty_message"]);
            }

            return await ActAsync(id, http, staffStore, store, audit, conversations, clock, StaffAction.Say, text?.Trim() ?? "", jpeg);
        }).DisableAntiforgery();

        staff.MapPost("/conversations/{id}/notes", async (string id, [FromForm] string text, HttpContext http, IStaffStore staffStore, IAuditLog audit, IHandoffStore handoffs, IConversationStore store, TimeProvider clock) =>
        {
            if (Me(http, staffStore) is not { } me || Visible(store, me, id) is null)
            {
                return NotFound();
            }

            var now = clock.GetUtcNow();
            await handoffs.AddNoteAsync(new StaffNote { Id = Guid.NewGuid().ToString("N"), ConversationId = id, Staff = me.Id, Text = text.Trim(), At = now });
            await audit.AuditAsync(me.Id, "note", id, now);
            return Results.Redirect($"/staff/conversations/{id}");
        });
    }

    /// <summary>Checked here rather than by the middleware, so that a post with no form
    /// at all is refused too.</summary>
    internal static async Task<bool> TokenValidAsync(HttpContext http, IAntiforgery antiforgery)
    {
        try
        {
            await antiforgery.ValidateRequestAsync(http);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    internal static IResult Forged() =>
        StaffView.Problem(ProblemKind.Forged, StatusCodes.Status400BadRequest);

    private static async Task<IResult> ActAsync(string id, HttpContext http, IStaffStore staffStore, IConversationStore store, IAuditLog audit, ConversationService conversations, TimeProvider clock, StaffAction action, string? text, byte[]? photo)
    {
        if (Me(http, staffStore) is not { } me || Visible(store, me, id) is null)
        {
            return NotFound();
        }

        try
        {
            await conversations.StaffAsync(id, action, me.Id, me.DisplayName, text, photo);
        }
        catch (StaffActionRefusedException)
        {
            return StaffView.Problem(ProblemKind.Changed, StatusCodes.Status409Conflict);
        }

        await audit.AuditAsync(me.Id, action.ToString().ToLowerInvariant(), id, clock.GetUtcNow());
        return action == StaffAction.Say ? Results.NoContent() : Results.Redirect(action == StaffAction.Claim ? $"/staff/conversations/{id}" : "/staff");
    }

    // The queue page, or its list alone for the live refresh.
    private static IResult Queue(StaffAccount me, IHandoffStore handoffs, TimeProvider clock, AntiforgeryTokenSet token, bool whole)
    {
        var all = handoffs.HandedOff().Where(c => me.Serves(c.Handoff!.OfficeId)).ToList();
        var waiting = all.Where(c => c.Handoff!.State == HandoffState.Waiting).ToList();
        var mine = all.Where(c => c.Handoff!.State == HandoffState.WithStaff && c.Handoff.Staff == me.Id).ToList();
        var now = clock.GetUtcNow();
        return whole
            ? StaffView.Page<Pages.QueuePage>(new { Me = me, Token = token, Waiting = waiting, Mine = mine, Now = now })
            : StaffView.Fragment<Pages.QueueFragment>(new { Token = token, Waiting = waiting, Mine = mine, Now = now });
    }

    /// <summary>A handed-off conversation of one of the staff member's offices.</summary>
    internal static Conversation? Visible(IConversationStore store, StaffAccount me, string id) =>
        store.FindConversation(id) is { Handoff: { } handoff } conversation && me.Serves(handoff.OfficeId) ? conversation : null;
}
