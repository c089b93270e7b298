using System.Net;
using VssBot.IntegrationTests.Support;

namespace VssBot.IntegrationTests.Security;

/// <summary>Password guessing from one address meets the framework's rate limiter: the
/// refusal is the console's own page, in Vietnamese, with Retry-After.</summary>
[Collection(SeparateProcesses.Name)]
public sealed class LoginLimitTests
{
    [Fact]
    public async Task SignInsBeyondTheLimitGetAKindPageAndRetryAfter()
    {
        using var data = new TempFolder("login-limit");
        await using var server = await VssBotProcess.StartAsync(data.Path, ["--RateLimits:LoginsPerMinute=3"]);
        using var browser = new StaffBrowser(server.Http.BaseAddress!);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await browser.LoginAsync("ai-do", "doan-mat-khau-" + attempt)).StatusCode);
        }

        var refused = await browser.LoginAsync("ai-do", "doan-mat-khau-3");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.StartsWith("text/html", refused.Content.Headers.ContentType!.ToString());
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("role=\"alert\">Có quá nhiều yêu cầu từ cùng một mạng", page);
        Assert.Contains("/assets/staff.css", page);
    }
}
