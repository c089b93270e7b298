using Microsoft.Extensions.DependencyInjection;

namespace VssBot.Channels.Zalo;

/// <summary>`zalo token set`: stores a new token pair (two lines on standard input: the access
/// token, then the refresh token) after the operator re-authorised the OA; the server is
/// stopped (the database file is opened exclusively).</summary>
public static class ZaloCommand
{
    public static async Task<int> RunAsync(string[] words, IServiceProvider services, TextReader input, TextWriter output)
    {
        if (words is not ["zalo", "token", "set"])
        {
            output.WriteLine("usage: zalo token set   (access token, then refresh token, on standard input)");
            return 2;
        }

        output.Write("access token: ");
        var access = input.ReadLine()?.Trim();
        output.Write("refresh token: ");
        var refresh = input.ReadLine()?.Trim();
        if (string.IsNullOrEmpty(access) || string.IsNullOrEmpty(refresh))
        {
            output.WriteLine("both tokens are needed");
            return 2;
        }

        await services.GetRequiredService<ZaloTokens>().SetAsync(access, refresh);
        output.WriteLine("Zalo token pair stored");
        return 0;
    }
}
