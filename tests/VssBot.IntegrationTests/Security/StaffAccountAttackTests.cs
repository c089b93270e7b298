using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Core.Staff;
using VssBot.IntegrationTests.Support;

namespace VssBot.IntegrationTests.Security;

/// <summary>Staff sign-in against a real process: parallel guesses, removed and changed
/// accounts, one answer for every failure, sessions across a restart, protective headers.</summary>
[Collection(SeparateProcesses.Name)]
public sealed class StaffAccountAttackTests : IAsyncLifetime
{
    private readonly TempFolder _data = new("accounts");
    private VssBotProcess _server = null!;

    private static readonly string[] Settings = ["--RateLimits:LoginsPerMinute=10000"];

    public async Task InitializeAsync()
    {
        await SecurityHost.AddStaffAsync(_data.Path, "hp", "hp-ngo-quyen");
        await SecurityHost.AddStaffAsync(_data.Path, "hn", "hn-dong-da");
        _server = await VssBotProcess.StartAsync(_data.Path, Settings);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _data.Dispose();
    }

    private StaffBrowser Browser() => new(_server.Http.BaseAddress!);

    private async Task<StaffBrowser> SignedInAsync(string user)
    {
        var browser = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.LoginAsync(user, SecurityHost.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/staff/dossiers")).StatusCode);
        return browser;
    }

    /// <summary>Stops the server, does <paramref name="meanwhile"/> (the file is free), starts it on the same port.</summary>
    private async Task RestartAsync(Func<Task> meanwhile)
    {
        var port = _server.Port;
        await _server.DisposeAsync();
        await meanwhile();
        _server = await VssBotProcess.StartAsync(_data.Path, port, Settings);
    }

    [Fact]
    public async Task ParallelGuessesCannotSlipPastTheLockOut()
    {
        using var owner = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await owner.LoginAsync("hp", SecurityHost.Password)).StatusCode);
        var guesses = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            using var browser = Browser();
            return await browser.LoginAsync("hp", "doan-sai-" + i);
        }));
        Assert.All(guesses, g => Assert.Equal(HttpStatusCode.Unauthorized, g.StatusCode));

        // Locked: the session open before ends, and the right password does not open it.
        Assert.Equal(HttpStatusCode.Redirect, (await owner.Http.GetAsync("/staff/dossiers")).StatusCode);
        using var later = Browser();
        var right = await later.LoginAsync("hp", SecurityHost.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
    }

    [Fact]
    public async Task AnUnknownUserAndAWrongPasswordGetTheSameAnswer()
    {
        using var browser = Browser();
        var unknown = await browser.LoginAsync("khong-ai-ca", "mat-khau-bat-ky");
        var wrong = await browser.LoginAsync("hn", "mat-khau-bat-ky");
        Assert.Equal(unknown.StatusCode, wrong.StatusCode);
        Assert.Equal(Strip(await unknown.Content.ReadAsStringAsync()), Strip(await wrong.Content.ReadAsStringAsync()));
    }

    /// <summary>Every refusal costs the same work, so that timing tells nothing: one password
    /// hash for an unknown user, a wrong password and a locked account alike. Counted on the
    /// host's own hasher (in-process, so that it can be observed), never timed.</summary>
    [Fact]
    public async Task AnUnknownUserAWrongPasswordAndALockedAccountEachCostOnePasswordHash()
    {
        using var data = new TempFolder("hash-count");
        var hasher = new CountingHasher();
        using var factory = new VssBotFactory(data.Path, new Dictionary<string, string> { ["RateLimits:LoginsPerMinute"] = "10000" },
            services: s => s.AddSingleton<IPasswordHasher<StaffAccount>>(hasher));
        await TestStaff.AddAsync(factory.Services, "hn", SecurityHost.Password, ["hn-dong-da"]);
        using var browser = new StaffBrowser(factory.CreateClient(new() { AllowAutoRedirect = false }));

        async Task<int> HashesAsync(string user, string password, HttpStatusCode expected)
        {
            var before = hasher.Verifications;
            Assert.Equal(expected, (await browser.LoginAsync(user, password)).StatusCode);
            return hasher.Verifications - before;
        }

        Assert.Equal(1, await HashesAsync("khong-ai-ca", "mat-khau-bat-ky", HttpStatusCode.Unauthorized));
        Assert.Equal(1, await HashesAsync("hn", "mat-khau-bat-ky", HttpStatusCode.Unauthorized));
        for (var i = 1; i < VssBot.Staff.Identity.StaffIdentity.MaxFailures; i++)
        {
            Assert.Equal(1, await HashesAsync("hn", "sai-" + i, HttpStatusCode.Unauthorized));
        }

        Assert.Equal(1, await HashesAsync("hn", SecurityHost.Password, HttpStatusCode.Unauthorized)); // locked: the right password costs the same and opens nothing
        Assert.Equal(1, await HashesAsync("khong-ai-ca", "mat-khau-bat-ky", HttpStatusCode.Unauthorized));
    }

    /// <summary>The host's hasher, counting its verifications.</summary>
    private sealed class CountingHasher : IPasswordHasher<StaffAccount>
    {
        private readonly PasswordHasher<StaffAccount> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(StaffAccount user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffAccount user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private static string Strip(string page) => System.Text.RegularExpressions.Regex.Replace(page, "value=\"[^\"]+\"", "");

    [Fact]
    public async Task ProtectiveHeadersOnPagesAndNoStoreOnPersonalData()
    {
        using var http = new HttpClient { BaseAddress = _server.Http.BaseAddress };
        foreach (var path in new[] { "/", "/staff/login", "/api/chat/conversations/" + VssBot.Web.WebKey.New() + "/messages" })
        {
            var response = await http.GetAsync(path);
            var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp);
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            if (path != "/")
            {
                Assert.True(response.Headers.CacheControl?.NoStore, path);
            }
        }

        // No inline script or style anywhere on the pages.
        foreach (var path in new[] { "/", "/staff/login" })
        {
            var page = await http.GetStringAsync(path);
            Assert.DoesNotMatch("<script>|<script [^>]*>[^<]|<style|style=", page);
        }
    }

    [Fact]
    public async Task InProductionCookiesAreSecureBehindATlsProxy()
    {
        await using var production = await VssBotProcess.StartAsync(_data.Path + "-prod", ["--Staff:SecureCookies="]);
        using var http = new HttpClient { BaseAddress = production.Http.BaseAddress };
        var request = new HttpRequestMessage(HttpMethod.Get, "/staff/login");
        request.Headers.Add("X-Forwarded-Proto", "https"); // the proxy (on loopback, a known one) ended TLS
        request.Headers.Host = "bot.example.vn"; // HSTS is never sent to localhost
        var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task ARemovedAccountsOpenSessionEndsAtOnceAndAnAdminNeedsAnAuthenticatorCode()
    {
        using var victim = await SignedInAsync("hn");

        // An admin made on the command line signs in, and must enrol an authenticator first.
        await RestartAsync(() => SecurityHost.AddStaffAsync(_data.Path, "boss", "hp-ngo-quyen", "admin"));
        using var admin = Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.LoginAsync("boss", SecurityHost.Password)).StatusCode);
        Assert.Equal("/staff/2fa", (await admin.Http.GetAsync("/staff/admin")).Headers.Location?.OriginalString);
        var enrol = await admin.Http.GetStringAsync("/staff/2fa");
        var secret = System.Text.RegularExpressions.Regex.Match(enrol, "<code class=\"secret\">([A-Z2-7]+)</code>").Groups[1].Value;
        var on = await admin.Http.PostAsync("/staff/2fa", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = Totp.Code(secret), ["__RequestVerificationToken"] = await admin.TokenAsync("/staff/2fa"),
        }));
        Assert.Equal("/staff", on.Headers.Location?.OriginalString);

        // From now on the admin's password alone is not enough.
        using var again = Browser();
        Assert.Equal("/staff/login/code", (await again.LoginAsync("boss", SecurityHost.Password)).Headers.Location?.OriginalString);
        var wrongCode = await again.Http.PostAsync("/staff/login/code", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = "000000", ["__RequestVerificationToken"] = await again.TokenAsync("/staff/login/code"),
        }));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongCode.StatusCode);

        // The admin removes "hn": the session "hn" has open ends at its next request.
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/staff/admin/hn/remove")).StatusCode);
        var after = await victim.Http.GetAsync("/staff/dossiers");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/staff/login", after.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task SessionsSurviveARestartButNotARemovalOrAPasswordChange()
    {
        using var hn = await SignedInAsync("hn");

        // A restart keeps the session: the key ring is in the data folder, encrypted.
        await RestartAsync(async () =>
        {
            var xml = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(_data.Path, "keys"), "key-*.xml").Single());
            Assert.Contains("StoreKeyXmlDecryptor", xml);
            Assert.DoesNotContain("<masterKey", xml);
        });
        Assert.Equal(HttpStatusCode.OK, (await hn.Http.GetAsync("/staff/dossiers")).StatusCode);

        // A password change (here on the command line; the same password set anew: a new stamp) ends it.
        await RestartAsync(() => SecurityHost.AddStaffAsync(_data.Path, "hn", "hn-dong-da"));
        var after = await hn.Http.GetAsync("/staff/dossiers");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/staff/login", after.Headers.Location!.PathAndQuery);
    }
}
