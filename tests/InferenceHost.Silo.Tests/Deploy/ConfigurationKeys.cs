using System.Reflection;
using InferenceHost.Tests.Common;

namespace InferenceHost.Silo.Tests.Deploy;

/// <summary>
/// Every configuration key the host binds, found the way the host finds them: each options class
/// names its section in a <c>SectionName</c> constant, and each settable property is a key under it.
/// </summary>
public static class ConfigurationKeys
{
    private static readonly Lazy<IReadOnlySet<string>> Keys = new(Discover);

    /// <summary>Keys as configuration spells them (<c>InferenceHost:Cluster:Mode</c>), compared case-insensitively like configuration does.</summary>
    public static IReadOnlySet<string> All => Keys.Value;

    /// <summary><c>InferenceHost__Cluster__Mode</c> → <c>InferenceHost:Cluster:Mode</c>, as the environment provider reads it.</summary>
    public static string FromEnvironmentVariable(string name) => name.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>The deployment files of this checkout.</summary>
    public static string DeployPath(params string[] parts) => Path.Combine([RepositoryPaths.Root, "deploy", .. parts]);

    private static HashSet<string> Discover()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in HostAssemblies().SelectMany(assembly => assembly.GetTypes()))
        {
            if (type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field
                && field.GetRawConstantValue() is string section
                && section.StartsWith("InferenceHost:", StringComparison.Ordinal))
            {
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true }))
                {
                    keys.Add($"{section}:{property.Name}");
                }
            }
        }

        return keys;
    }

    private static List<Assembly> HostAssemblies()
    {
        var found = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([typeof(InferenceHostApplication).Assembly]);
        while (pending.TryPop(out var assembly))
        {
            if (!found.TryAdd(assembly.GetName().Name!, assembly))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("InferenceHost.", StringComparison.Ordinal)))
            {
                pending.Push(Assembly.Load(reference));
            }
        }

        return [.. found.Values];
    }
}
