using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace VssBot.Configuration;

/// <summary>
/// How configuration is read, everywhere (host, channels, command-line commands): a section
/// bound to an options class, checked by its data annotations (a bad value names its key).
/// In the host, checked when it starts and the class itself available to the code that needs
/// it; before a host is built (a command, the choice of store), read and checked at once.
/// </summary>
public static class ValidatedOptions
{
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class
    {
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();
    }

    /// <summary>The section bound and checked now; throws <see cref="OptionsValidationException"/>
    /// naming the keys that are wrong, as a starting host does.</summary>
    public static T Read<T>(this IConfiguration configuration, string section)
        where T : class, new()
    {
        var options = configuration.GetSection(section).Get<T>() ?? new T();
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            throw new OptionsValidationException(section, typeof(T), results.Select(r => r.ErrorMessage ?? string.Join(", ", r.MemberNames)));
        }

        return options;
    }
}
