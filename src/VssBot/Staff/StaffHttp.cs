using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using VssBot.Core.Staff;

namespace VssBot.Staff;

/// <summary>What every staff endpoint needs: who is signed in, the form token, a plain
/// "not found".</summary>
internal static class StaffHttp
{
    public static StaffAccount? Me(HttpContext http, IStaffStore store) =>
        http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? store.FindStaff(id) : null;

    public static AntiforgeryTokenSet Token(HttpContext http, IAntiforgery antiforgery) => antiforgery.GetAndStoreTokens(http);

    /// <summary>Another office's conversation, dossier or photo is "not found": its
    /// existence is not revealed.</summary>
    public static IResult NotFound() => StaffView.Problem(ProblemKind.NotFound, StatusCodes.Status404NotFound);
}
