using System.Globalization;
using System.Text.RegularExpressions;

namespace InferenceHost.Inference.Repository;

/// <summary>
/// Reads the Triton-style layout <c>&lt;root&gt;/&lt;model&gt;/&lt;version&gt;/model.onnx</c>
/// (+ optional <c>config.json</c> per model and per version) and picks the versions to load.
/// Folders whose name starts with '.' (the upload staging area, a version being copied in, tools' own folders) are passed over silently.
/// </summary>
public static partial class ModelRepositoryScanner
{
    public const string ModelFileName = "model.onnx";

    /// <summary>The repository's staging area for uploads, ignored by scans.</summary>
    public const string StagingFolderName = ".staging";

    /// <summary>The versions to load, model by model, versions in ascending order.</summary>
    /// <param name="root">Repository folder.</param>
    /// <param name="skipped">Called with each folder that is ignored and why.</param>
    /// <exception cref="DirectoryNotFoundException">The repository folder does not exist.</exception>
    public static IReadOnlyList<VersionSource> Scan(string root, Action<string, string>? skipped = null)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Model repository '{Path.GetFullPath(root)}' does not exist.");
        }

        var sources = new List<VersionSource>();
        foreach (var modelDir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var model = Path.GetFileName(modelDir);
            if (model.StartsWith('.'))
            {
                continue;
            }

            if (!ModelName().IsMatch(model))
            {
                skipped?.Invoke(modelDir, "model names use letters, digits, '-', '_' and '.'");
                continue;
            }

            sources.AddRange(ScanModel(model, modelDir, skipped));
        }

        return sources;
    }

    /// <summary>The versions of one model to load; empty when its folder is gone.</summary>
    /// <param name="root">Repository folder.</param>
    /// <param name="model">Model name (its folder's).</param>
    public static IReadOnlyList<VersionSource> ScanModel(string root, string model)
    {
        var modelDir = Path.Combine(root, model);
        return ModelName().IsMatch(model) && Directory.Exists(modelDir) ? [.. ScanModel(model, modelDir, null)] : [];
    }

    /// <summary>
    /// What adding <paramref name="version"/> to <paramref name="model"/> would mean: the source to validate its
    /// file at <paramref name="modelPath"/> from (with the model's config) and the versions the model's policy would serve then.
    /// </summary>
    /// <param name="root">Repository folder.</param>
    /// <param name="model">An existing model.</param>
    /// <param name="version">The new version's id, a positive integer.</param>
    /// <param name="modelPath">Where its <c>model.onnx</c> is now (a staging folder).</param>
    public static VersionCandidate Candidate(string root, string model, string version, string modelPath)
    {
        var modelDir = Path.Combine(root, model);
        var (config, configError) = ReadModelConfig(modelDir);
        var present = VersionFolders(modelDir, null);
        present[long.Parse(version, NumberStyles.None, CultureInfo.InvariantCulture)] = string.Empty;
        var served = Select(present.Keys, config.VersionPolicy)
            .Where(v => v.Missing is null)
            .Select(v => v.Number.ToString(CultureInfo.InvariantCulture))
            .ToList();
        return new VersionCandidate(new VersionSource(model, version, modelPath, config, configError), served);
    }

    private static IEnumerable<VersionSource> ScanModel(string model, string modelDir, Action<string, string>? skipped)
    {
        var (config, configError) = ReadModelConfig(modelDir);
        var versions = VersionFolders(modelDir, skipped);
        foreach (var (number, reason) in Select(versions.Keys, config.VersionPolicy))
        {
            var version = number.ToString(CultureInfo.InvariantCulture);
            if (reason is not null)
            {
                yield return new VersionSource(model, version, string.Empty, config, reason);
                continue;
            }

            yield return ScanVersion(model, version, versions[number], config, configError);
        }
    }

    private static (ModelConfig Config, string? Error) ReadModelConfig(string modelDir)
    {
        try
        {
            return (ModelConfigReader.ReadIfPresent(modelDir) ?? ModelConfig.Empty, null);
        }
        catch (InvalidDataException e)
        {
            return (ModelConfig.Empty, e.Message);
        }
    }

    private static SortedDictionary<long, string> VersionFolders(string modelDir, Action<string, string>? skipped)
    {
        var versions = new SortedDictionary<long, string>();
        foreach (var versionDir in Directory.GetDirectories(modelDir))
        {
            var name = Path.GetFileName(versionDir);
            if (long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
            {
                versions[number] = versionDir;
            }
            else if (!name.StartsWith('.'))
            {
                skipped?.Invoke(versionDir, "version folders are named by positive integers");
            }
        }

        return versions;
    }

    private static VersionSource ScanVersion(string model, string version, string versionDir, ModelConfig config, string? configError)
    {
        var modelPath = Path.Combine(versionDir, ModelFileName);
        if (configError is null && !File.Exists(modelPath))
        {
            configError = $"{versionDir} has no {ModelFileName}";
        }

        try
        {
            config = config.OverriddenBy(ModelConfigReader.ReadIfPresent(versionDir));
        }
        catch (InvalidDataException e)
        {
            configError ??= e.Message;
        }

        return new VersionSource(model, version, modelPath, config, configError);
    }

    /// <summary>The versions a policy loads; a listed version that is missing comes with the reason.</summary>
    private static IEnumerable<(long Number, string? Missing)> Select(SortedDictionary<long, string>.KeyCollection present, VersionPolicyConfig? policy)
    {
        if (policy?.All is true)
        {
            return present.Select(n => (n, (string?)null));
        }

        if (policy?.Specific is { } specific)
        {
            return specific
                .Select(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1)
                .Where(n => n > 0)
                .Distinct()
                .Order()
                .Select(n => (n, present.Contains(n) ? null : (string?)$"version_policy lists version {n}, which the repository does not hold"));
        }

        var latest = policy?.Latest ?? 1;
        return present.Skip(Math.Max(0, present.Count - latest)).Select(n => (n, (string?)null));
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex ModelName();
}
