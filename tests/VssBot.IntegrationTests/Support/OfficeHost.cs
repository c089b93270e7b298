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

    /// <summary>A console client signed in as "lan".</summary>
    public async Task<HttpClient> StaffAsync()
    {
        var http = Anonymous();
        var login = await http.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = "lan", ["password"] = Password, ["__RequestVerificationToken"] = await TokenAsync(http, "/staff/login"),
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
