using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VssBot.IntegrationTests.Support;

/// <summary>
/// In-process stand-ins (the Bot API, Zalo's API, an OTLP collector) listen on a port the
/// operating system gives when they bind (port 0), never on one a test chose beforehand:
/// a port found free and released can be taken by anything else before it is bound again.
/// </summary>
public static class LocalServer
{
    public const string AnyPort = "http://127.0.0.1:0";

    /// <summary>Builds a web application that will listen on 127.0.0.1 on a port of the
    /// system's choosing, with no log providers.</summary>
    public static WebApplication Build()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(AnyPort);
        return builder.Build();
    }

    /// <summary>The port a started application is bound to.</summary>
    public static int PortOf(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.Single()).Port;
    }
}
