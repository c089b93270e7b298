using VssBot.Configuration;
using VssBot.Core.Domain.Units;
using VssBot.Hosting;
using VssBot.Storage;

namespace VssBot.Units;

/// <summary>Units and campaigns in the host: options (checked at start-up), links, the
/// poster, the after-approval login question.</summary>
public static class UnitRegistration
{
    public static IServiceCollection AddUnits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<UnitOptions>(configuration, UnitOptions.Section)
            .Validate(o => Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https", "Units:PublicUrl must be an absolute http(s) address");
        services.AddSingleton<UnitLinks>();
        services.AddSingleton(sp => new UnitPoster(
            PosterWords.Load(Path.Combine(DependencyInjection.DialogsDirectory(sp.GetRequiredService<DialogOptions>(), sp.GetRequiredService<IHostEnvironment>()), "poster.yaml")),
            sp.GetRequiredService<UnitLinks>(), Path.Combine(AppContext.BaseDirectory, "Fonts")));
        services.AddSingleton<LoginCheckService>();
        services.AddHostedService(sp => sp.GetRequiredService<LoginCheckService>());
        return services;
    }
}
