using System.Net;

namespace VssBot.IntegrationTests.Support;

public sealed partial class StaffBrowser
{
    /// <summary>Signs in and asks for <paramref name="path"/>; an admin sent to enrol an
    /// authenticator first does so (with a code from its secret) and asks again.</summary>
    public async Task<HttpResponseMessage> SignedInGetAsync(string user, string path)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(user, SecurityHost.Password)).StatusCode);
        var response = await Http.GetAsync(path);
        if (response.Headers.Location?.OriginalString != "/staff/2fa")
        {
            return response;
        }

        var enrol = await Http.GetStringAsync("/staff/2fa");
        var secret = System.Text.RegularExpressions.Regex.Match(enrol, "<code class=\"secret\">([A-Z2-7]+)</code>").Groups[1].Value;
        await Http.PostAsync("/staff/2fa", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = Totp.Code(secret), ["__RequestVerificationToken"] = await TokenAsync("/staff/2fa"),
        }));
        return await Http.GetAsync(path);
    }
}
