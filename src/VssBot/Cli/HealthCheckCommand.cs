using VssBot.Configuration;

namespace VssBot.Cli;

/// <summary>`vssbot healthcheck`: asks a running VssBot's /healthz, for container health
/// checks in images that have no curl. Exit 0 when healthy.</summary>
public static class HealthCheckCommand
{
    public static async Task<int> RunAsync(IConfiguration configuration, TextWriter output)
    {
        var url = configuration.Read<HealthCheckOptions>(HealthCheckOptions.Section).Url;
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var response = await http.GetAsync(url);
            output.WriteLine($"{url}: {(int)response.StatusCode}");
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            output.WriteLine($"{url}: {e.Message}");
            return 1;
        }
    }
}
