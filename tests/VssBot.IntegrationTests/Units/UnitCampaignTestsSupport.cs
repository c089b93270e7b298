using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Core.Staff;
using VssBot.IntegrationTests.Support;

namespace VssBot.IntegrationTests.Units;

/// <summary>Coordinators and console posts for the unit tests (in-process hosts).</summary>
public static class UnitCampaignTestsSupport
{
    private const string Password = OfficeHost.Password;

    public static async Task AddCoordinatorAsync(IServiceProvider services, string user, string office, string unit)
    {
        var account = await TestStaff.AddAsync(services, user, Password, [office]);
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffAccount>>();
        var stored = (await users.FindByNameAsync(account.Id))!;
        stored.Unit = unit;
        Assert.True((await users.UpdateAsync(stored)).Succeeded);
    }

    public static async Task<HttpClient> SignInAsync(TelegramHost host, string user) =>
        await SignInAsync(host.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), user);

    public static async Task<HttpClient> SignInAsync(HttpClient http, string user)
    {
        var login = await http.PostAsync("/staff/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["user"] = user, ["password"] = Password, ["__RequestVerificationToken"] = await OfficeHost.TokenAsync(http, "/staff/login"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return http;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, params (string Name, string Value)[] fields)
    {
        var token = await OfficeHost.TokenAsync(http, "/staff/units");
        return await http.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", token))));
    }
}
