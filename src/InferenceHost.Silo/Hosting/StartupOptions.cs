using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace InferenceHost.Silo.Hosting;

/// <summary>
/// Reads options that shape the host itself (ports, clustering), which must be known before the
/// host is built and so cannot wait for <c>ValidateOnStart</c>: every error is listed at once.
/// </summary>
public static class StartupOptions
{
    /// <exception cref="OptionsValidationException">The section breaks one or more rules.</exception>
    public static T Read<T>(IConfiguration configuration, string sectionName)
        where T : class, new()
    {
        T options;
        try
        {
            options = configuration.GetSection(sectionName).Get<T>() ?? new T();
        }
        catch (InvalidOperationException e)
        {
            throw new OptionsValidationException(sectionName, typeof(T), [$"{sectionName}: {e.Message}"]);
        }

        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
        {
            throw new OptionsValidationException(
                sectionName, typeof(T), [.. results.Select(r => $"{sectionName}: {r.ErrorMessage}")]);
        }

        return options;
    }
}
