using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using VssBot.Core.Conversations;
using VssBot.Core.Domain.Dossiers;
using VssBot.Core.Engine;
using VssBot.Core.Staff;
using VssBot.Staff.Identity;

using static VssBot.Staff.StaffHttp;

using VssBot.Core.Domain.Units;

namespace VssBot.Staff;

/// <summary>
/// The staff console under /staff: sign-in on ASP.NET Core Identity (see
/// <see cref="Identity.StaffIdentity"/>), anti-forgery on every form, the dossiers of the
/// staff member's own offices, and their decision. Every action goes to the audit log.
/// </summary>
public static class StaffConsole
{
    public static IServiceCollection AddStaffConsole(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddStaffIdentity(configuration, environment.IsDevelopment());
        services.AddSingleton<StaffEvents>();
        services.AddSingleton<ITurnHook>(sp => sp.GetRequiredService<StaffEvents>());
        // Across instances on PostgreSQL: LISTEN/NOTIFY carries the events.
        services.AddSingleton(sp => new Storage.Postgres.PostgresNotifications(sp.GetRequiredService<Storage.StoreOptions>().ConnectionString ?? "",
            sp.GetRequiredService<ILogger<Storage.Postgres.PostgresNotifications>>()));
        services.AddSingleton<StaffEventRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<StaffEventRelay>());
        services.AddSingleton<ITurnHook>(sp => sp.GetRequiredService<StaffEventRelay>());
        // The pages are Razor components rendered on the server (static HTML, no script).
        services.AddRazorComponents();
        services.AddSingleton(sp => new Documents.Form01(
            Documents.Form01Words.Load(Path.Combine(Hosting.DependencyInjection.DialogsDirectory(sp.GetRequiredService<Hosting.DialogOptions>(), sp.GetRequiredService<IHostEnvironment>()), "form01.yaml")),
            sp.GetRequiredService<DialogContent>().Offices, Path.Combine(AppContext.BaseDirectory, "Fonts")));
        services.AddSingleton<Core.Conversations.IDocumentSource, Documents.FormDocuments>();
        services.AddSingleton(sp => new Lists.RegistrationList(
            Lists.ListWords.Load(Path.Combine(Hosting.DependencyInjection.DialogsDirectory(sp.GetRequiredService<Hosting.DialogOptions>(), sp.GetRequiredService<IHostEnvironment>()), "lists.yaml")),
            sp.GetRequiredService<DialogContent>().Offices));
        return services;
    }

    public static void MapStaffConsole(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        StaffLoginEndpoints.Map(app);
        var staff = app.MapGroup("/staff").RequireAuthorization().RequireTwoFactorWhereNeeded();
        StaffLoginEndpoints.MapSignedIn(staff);
        StaffHandoffEndpoints.Map(staff);
        StaffListEndpoints.Map(staff);
        StaffAdminEndpoints.Map(staff);
        StaffSystemEndpoints.Map(staff);
        Units.UnitEndpoints.Map(staff);
        staff.MapGet("/dossiers", async (HttpContext http, IAntiforgery antiforgery, IStaffStore staffStore, IDossierStore dossiers, IAuditLog audit, DialogContent content, TimeProvider clock, string? q, int? page) =>
        {
            if (Me(http, staffStore) is not { } me)
            {
                return Results.Redirect("/staff/login");
            }

            var found = DossierSearch.Find(dossiers.DossiersFor(me), q);
            if (DossierSearch.IsIdNumber(q))
            {
                // Looking a person up by ID number is recorded (the number itself is not).
                await audit.AuditAsync(me.Id, "search-id", $"{found.Count} found", clock.GetUtcNow());
            }

            var current = Math.Max(1, page ?? 1);
            return StaffView.Page<Pages.DossierListPage>(new
            {
                Me = me,
                Token = Token(http, antiforgery),
                Dossiers = DossierSearch.Page(found, current),
                content.Offices,
                Query = q,
                Current = current,
                Pages = (found.Count + DossierSearch.PageSize - 1) / DossierSearch.PageSize,
            });
        });

        staff.MapGet("/dossiers/{id}", (string id, HttpContext http, IAntiforgery antiforgery, IStaffStore staffStore, IDossierStore dossiers, DialogContent content) =>
            Me(http, staffStore) is not { } me ? Results.Redirect("/staff/login")
            : Visible(dossiers, me, id) is not { } dossier ? NotFound()
            : StaffView.Page<Pages.DossierPage>(new { Me = me, Token = Token(http, antiforgery), Dossier = dossier, Content = content }));

        staff.MapPost("/dossiers/{id}/decision", async (string id, [FromForm] string decision, HttpContext http, IStaffStore staffStore, IDossierStore dossiers, IAuditLog audit,
            ConversationService conversations, DialogContent content, TimeProvider clock) =>
        {
            if (Me(http, staffStore) is not { } me || Visible(dossiers, me, id) is not { } dossier)
            {
                return NotFound();
            }

            var form = await http.Request.ReadFormAsync();
            var reason = string.Join(" ", new[] { form["reason"].ToString(), form["note"].ToString() }.Where(t => !string.IsNullOrWhiteSpace(t))).Trim();
            var dialog = content.Dialogs[dossier.DialogId];
            var fields = form["fields"].Where(f => f is not null && dialog.HasStep(f) && dialog.Step(f).Label is not null).Select(f => f!).Distinct().ToList();
            var status = DossierStatuses.Parse(decision);
            var valid = dossier.Status == DossierStatus.Submitted && status switch
            {
                DossierStatus.Approved => true,
                DossierStatus.Rejected => reason.Length > 0,
                DossierStatus.ChangesRequested => fields.Count > 0,
                _ => false,
            };
            if (!valid)
            {
                return StaffView.Problem(ProblemKind.BadDecision, StatusCodes.Status400BadRequest);
            }

            await conversations.DecideAsync(dossier.Id, new DossierDecision(status!.Value, reason.Length == 0 ? null : reason, fields));
            await audit.AuditAsync(me.Id, decision, dossier.Id, clock.GetUtcNow());
            return Results.Redirect($"/staff/dossiers/{dossier.Id}");
        });

        staff.MapGet("/dossiers/{id}/form-01.pdf", async (string id, HttpContext http, IStaffStore staffStore, IDossierStore dossiers, IAuditLog audit, Documents.Form01 form, TimeProvider clock) =>
        {
            if (Me(http, staffStore) is not { } me || Visible(dossiers, me, id) is not { } dossier)
            {
                return NotFound();
            }

            await audit.AuditAsync(me.Id, "view-form01", dossier.Id, clock.GetUtcNow());
            return Results.File(form.Draw(dossier), Documents.Form01.ContentType, Documents.Form01.FileName(dossier));
        });

        staff.MapGet("/photos/{**key}", async (string key, HttpContext http, IStaffStore staffStore, IDossierStore dossiers, IAuditLog audit, IConversationStore store, TimeProvider clock) =>
        {
            var me = Me(http, staffStore);
            // A dossier's photo, or one sent in a handed-off conversation, of the staff member's offices.
            var subject = me is null ? null
                : dossiers.DossiersFor(me).FirstOrDefault(d => d.PhotoKeys.Contains(key))?.Id
                  ?? StaffHandoffEndpoints.Visible(store, me, key.Split('/')[0])?.Id;
            if (subject is null || store.Photo(key) is not { } bytes)
            {
                return NotFound();
            }

            await audit.AuditAsync(me!.Id, "view-photo", subject, clock.GetUtcNow());
            http.Response.Headers.CacheControl = "no-store";
            return Results.Bytes(bytes, "image/jpeg");
        });
    }

    // Another office's dossier is "not found": its existence is not revealed.
    private static VssBot.Core.Domain.Dossiers.Dossier? Visible(IDossierStore dossiers, StaffAccount me, string id) =>
        dossiers.FindDossier(id) is { } dossier && me.Serves(dossier.OfficeId) ? dossier : null;
}
