using System.Text;
using VssBot.IntegrationTests.Support;
using VssBot.Storage;

namespace VssBot.IntegrationTests.Security;

/// <summary>Outside Development the storage key must be worth 32 random bytes.</summary>
[Collection(SeparateProcesses.Name)]
public sealed class StorageKeyTests
{
    [Theory]
    [InlineData("test-key-not-for-production")]
    [InlineData("matkhau2026matkhau2026matkhau2026matkhau2026")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("Tr0ub4dor&3")]
    [InlineData("correcthorsebatterystaplecorrecthorsebatterystaple1234567890password")]
    public void WeakKeysAreWeak(string key) => Assert.False(KeyStrength.IsStrong(key), $"{KeyStrength.Bits(key):F0} bits");

    [Fact]
    public void RandomKeysInTheUsualEncodingsAreStrong()
    {
        var bytes = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        Assert.True(KeyStrength.IsStrong(Convert.ToBase64String(bytes)));
        Assert.True(KeyStrength.IsStrong(Convert.ToHexStringLower(bytes)));
        Assert.True(KeyStrength.IsStrong(KeyStrength.New()));
    }

    [Fact]
    public async Task TheProductionHostRefusesAWeakKeyAndKeyNewPrintsAStrongOne()
    {
        using var data = new TempFolder("weak-key");
        var output = new StringBuilder();
        using (var weak = VssBotProcess.Start([$"--Storage:DataDirectory={data.Path}", "--Storage:Password=matkhau-vssbot-2026", "--urls=http://127.0.0.1:0"], line => { lock (output) { output.AppendLine(line); } }))
        {
            await weak.WaitForExitAsync();
            Assert.NotEqual(0, weak.ExitCode);
        }

        Assert.Contains("Storage:Password is too weak", output.ToString());
        Assert.False(File.Exists(Path.Combine(data.Path, "vssbot.db")));

        var printed = new StringBuilder();
        using var make = VssBotProcess.Start(["key", "new"], line => { lock (printed) { printed.AppendLine(line); } });
        await make.WaitForExitAsync();
        Assert.Equal(0, make.ExitCode);
        Assert.True(KeyStrength.IsStrong(printed.ToString().Trim()), printed.ToString());
    }
}
