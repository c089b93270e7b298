using System.Net;
using System.Text.RegularExpressions;

namespace VssBot.IntegrationTests.Support;

/// <summary>A staff member's browser over real HTTP: a cookie jar, the login form with
/// its anti-forgery token, and posts that carry the token as the pages' forms do.</summary>
public sealed partial class StaffBrowser(HttpClient http) : IDisposable
{
    /// <summary>A browser of a server in another process.</summary>
    public StaffBrowser(Uri server)
        : this(new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = server })
    {
    }

    /// <summary>With a client of an in-process host that keeps cookies and does not follow redirects.</summary>
    public HttpClient Http { get; } = http;

    public async Task<string> TokenAsync(string path = "/staff/login") =>
        TokenField().Match(await Http.GetStringAsync(path)).Groups[1].Value;

    /// <summary>Posts the login form; a redirect to /staff means signed in.</summary>
    public async Task<HttpResponseMessage> LoginAsync(string user, string password) =>
        await Http.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = user, ["password"] = password, ["__RequestVerificationToken"] = await TokenAsync(),
        }));

    public async Task<HttpResponseMessage> PostAsync(string path, params (string Name, string Value)[] fields)
    {
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", await TokenAsync("/staff")));
        return await Http.PostAsync(path, new FormUrlEncodedContent(form));
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
