using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace VssBot.Staff;

/// <summary>The console's pages are Razor components (Staff/Pages), rendered on the server
/// as static HTML; this is how an endpoint returns one.</summary>
internal static class StaffView
{
    /// <param name="parameters">An object whose properties are the component's parameters.</param>
    public static IResult Page<TPage>(object parameters, int status = StatusCodes.Status200OK)
        where TPage : IComponent =>
        new RazorComponentResult<TPage>(parameters) { StatusCode = status, ContentType = "text/html; charset=utf-8" };

    /// <summary>A part of a page on its own, fetched again by the page's live script.</summary>
    public static IResult Fragment<TPart>(object parameters)
        where TPart : IComponent => Page<TPart>(parameters);

    /// <param name="detail">Words from dialogs/ that say more (the wait, for <see cref="ProblemKind.TooMany"/>).</param>
    public static IResult Problem(ProblemKind kind, int status, string? detail = null) =>
        Page<Pages.Problem>(new { Kind = kind, Detail = detail }, status);
}
