using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using VssBot.Core.Staff;
using VssBot.Storage;

namespace VssBot.Staff;

/// <summary>What every staff endpoint needs: who is signed in, the form token, a plain
/// "not found", and HTML encoding that leaves Vietnamese letters alone.</summary>
internal static class StaffHttp
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string E(string? text) => Encoder.Encode(text ?? "");

    public static StaffAccount? Me(HttpContext http, LiteDbStore store) =>
        http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } id ? store.FindStaff(id) : null;

    public static string Token(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{tokens.FormFieldName}\" value=\"{tokens.RequestToken}\">";
    }

    /// <summary>Another office's conversation, dossier or photo is "not found": its
    /// existence is not revealed.</summary>
    public static IResult NotFound() => StaffPages.Html("Không tìm thấy", "<main><p>Không tìm thấy.</p></main>", StatusCodes.Status404NotFound);
}
