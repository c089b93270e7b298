using System.Text;

namespace VssBot.IntegrationTests.Support;

/// <summary>
/// A freshly started production VssBot process, as an attacker meets it, with two staff
/// accounts of two offices: "hp" (Hải Phòng, Ngô Quyền) and "hn" (Hà Nội: Chương Mỹ, Đống Đa),
/// made on the command line before start-up.
/// </summary>
public sealed class SecurityHost : IAsyncLifetime
{
    public const string Password = "mat-khau-rat-dai-2026";
    private readonly TempFolder _data = new("security");

    public VssBotProcess Server { get; private set; } = null!;
    public string DataDirectory => _data.Path;
    public Uri Address => Server.Http.BaseAddress!;

    public static async Task AddStaffAsync(string dataDirectory, params string[] words)
    {
        var output = new StringBuilder();
        using var add = VssBotProcess.Start(["staff", "add", .. words, $"--Storage:DataDirectory={dataDirectory}", $"--Storage:Password={VssBotProcess.TestKey}"],
            line => { lock (output) { output.AppendLine(line); } }, input: Password);
        await add.WaitForExitAsync();
        Assert.True(add.ExitCode == 0, output.ToString());
    }

    public async Task InitializeAsync()
    {
        await AddStaffAsync(_data.Path, "hp", "hp-ngo-quyen");
        await AddStaffAsync(_data.Path, "hn", "hn-chuong-my,hn-dong-da");
        Server = await VssBotProcess.StartAsync(_data.Path);
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _data.Dispose();
    }

    public ChatClient Citizen() => new(new HttpClient { BaseAddress = Address });

    public async Task<StaffBrowser> StaffAsync(string user)
    {
        var browser = new StaffBrowser(Address);
        var login = await browser.LoginAsync(user, Password);
        Assert.Equal("/staff", login.Headers.Location?.OriginalString);
        return browser;
    }
}
