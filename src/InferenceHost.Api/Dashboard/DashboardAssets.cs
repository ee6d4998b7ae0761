using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace InferenceHost.Api.Dashboard;

/// <summary>
/// The dashboard's files, embedded in this assembly under <see cref="ResourcePrefix"/> (one flat folder,
/// <c>Dashboard/assets</c>) and read once. Only these names are served: there is no folder to list or walk.
/// </summary>
internal sealed class DashboardAssets
{
    public const string ResourcePrefix = "InferenceHost.Api.Dashboard.";

    public const string IndexName = "index.html";

    /// <summary>
    /// Every extension the folder may hold. An asset of another kind stops the host at start rather than
    /// reaching browsers as something they refuse to run.
    /// </summary>
    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, DashboardAsset> _assets;

    private DashboardAssets(FrozenDictionary<string, DashboardAsset> assets)
    {
        _assets = assets;
        Index = TryGet(IndexName) ?? throw new InvalidOperationException($"the dashboard lacks its {IndexName}");
    }

    public DashboardAsset Index { get; }

    public IEnumerable<DashboardAsset> All => _assets.Values;

    /// <exception cref="InvalidOperationException">An embedded asset has an extension without a content type, or index.html is missing.</exception>
    public static DashboardAssets Load(Assembly assembly)
    {
        var assets = new Dictionary<string, DashboardAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(static n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..];
            if (!ContentTypes.TryGetValue(Path.GetExtension(name), out var contentType))
            {
                throw new InvalidOperationException($"the dashboard asset {name} has no known content type; use one of {string.Join(", ", ContentTypes.Keys)}");
            }

            var content = Read(assembly, resource);
            var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 16))}\"");
            assets.Add(name, new DashboardAsset(name, contentType, content, tag));
        }

        return new DashboardAssets(assets.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>The asset of that exact name (names are case-sensitive, as URLs are), or null.</summary>
    public DashboardAsset? TryGet(string name) => _assets.GetValueOrDefault(name);

    private static byte[] Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
