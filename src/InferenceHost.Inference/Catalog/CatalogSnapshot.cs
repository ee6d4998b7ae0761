using System.Collections.Immutable;

namespace InferenceHost.Inference.Catalog;

/// <summary>
/// An immutable view of every model version on this host. Readers take the current snapshot
/// without locking; each change publishes a new one with a higher <see cref="Revision"/>.
/// </summary>
public sealed class CatalogSnapshot
{
    public static readonly CatalogSnapshot Empty = new(0, ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, ModelVersionEntry>>.Empty);

    private readonly ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, ModelVersionEntry>> _models;

    private CatalogSnapshot(long revision, ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, ModelVersionEntry>> models)
    {
        Revision = revision;
        _models = models;
    }

    public long Revision { get; }

    /// <summary>Every version, model by model, versions ascending.</summary>
    public IEnumerable<ModelVersionEntry> All => _models.Values.SelectMany(versions => versions.Values);

    public bool HasModel(string model) => _models.ContainsKey(model);

    public bool TryGet(string model, string version, out ModelVersionEntry entry)
    {
        entry = null!;
        return _models.TryGetValue(model, out var versions) && versions.TryGetValue(version, out entry!);
    }

    /// <summary>Versions of a model in ascending order; empty when the model is unknown.</summary>
    public IEnumerable<ModelVersionEntry> VersionsOf(string model) =>
        _models.TryGetValue(model, out var versions) ? versions.Values : [];

    /// <summary>The highest ready version, which serves requests that name no version.</summary>
    public ModelVersionEntry? DefaultVersion(string model) =>
        VersionsOf(model).LastOrDefault(v => v.State == VersionState.Ready);

    internal CatalogSnapshot With(ModelVersionEntry entry)
    {
        var versions = _models.TryGetValue(entry.Model, out var existing)
            ? existing
            : ImmutableSortedDictionary.Create<string, ModelVersionEntry>(VersionIdComparer.Instance);
        return new CatalogSnapshot(Revision + 1, _models.SetItem(entry.Model, versions.SetItem(entry.Version, entry)));
    }

    /// <summary>This snapshot without the version; a model left with no version is gone too.</summary>
    internal CatalogSnapshot Without(string model, string version)
    {
        if (!_models.TryGetValue(model, out var versions) || !versions.ContainsKey(version))
        {
            return this;
        }

        var remaining = versions.Remove(version);
        return new CatalogSnapshot(Revision + 1, remaining.IsEmpty ? _models.Remove(model) : _models.SetItem(model, remaining));
    }
}
