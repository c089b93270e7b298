using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace VssBot.IntegrationTests.Support;

/// <summary>VssBot in-process with one staff member of the Đống Đa office ("lan"), and the
/// console signed in as her.</summary>
public sealed partial class OfficeHost : IDisposable
{
    public const string Password = "mat-khau-rat-dai-2026";
    private readonly TempFolder _data;

    public OfficeHost(string name)
    {
        _data = new TempFolder(name);
        Factory = new VssBotFactory(_data.Path);
        TestStaff.AddAsync(Factory.Services, "lan", Password, ["hn-dong-da"]).GetAwaiter().GetResult();
    }

    public VssBotFactory Factory { get; }
    public string DataDirectory => _data.Path;

    public ChatClient Citizen() => new(Factory.CreateClient());

    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Another staff member, of other offices, for scoping tests.</summary>
    public Task AddStaffAsync(string user, params string[] offices) => TestStaff.AddAsync(Factory.Services, user, Password, offices);

    /// <summary>A console client signed in as "lan" (or another member added).</summary>
    public async Task<HttpClient> StaffAsync(string user = "lan")
    {
        var http = Anonymous();
        var login = await http.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = user, ["password"] = Password, ["__RequestVerificationToken"] = await TokenAsync(http, "/staff/login"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return http;
    }

    public static async Task<string> TokenAsync(HttpClient http, string path) => Token().Match(await http.GetStringAsync(path)).Groups[1].Value;

    public void Dispose()
    {
        Factory.Dispose();
        _data.Dispose();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
